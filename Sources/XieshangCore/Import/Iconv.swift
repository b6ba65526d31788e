#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte conversion between character sets through the C library's `iconv`.
///
/// Foundation on Linux has no GB18030 `String.Encoding`, yet GB18030/GBK is what Excel
/// writes by default on Chinese Windows; glibc's iconv knows it and is always present.
enum Iconv {
    /// The converted bytes, or nil if either charset is unknown or the input is not valid
    /// in `source` (including a multi-byte sequence cut off at the end).
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard let cd = iconv_open(target, source), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return [] }

        var input = bytes.map { CChar(bitPattern: $0) }
        var chunk = [CChar](repeating: 0, count: 64 * 1024)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)

        return input.withUnsafeMutableBufferPointer { inBuf -> [UInt8]? in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
            var inLeft = inBuf.count
            while inLeft > 0 {
                let (status, err, produced) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                    var outLeft = outBuf.count
                    let status = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (status, errno, outBuf.count - outLeft)
                }
                result.append(contentsOf: chunk[0..<produced].lazy.map { UInt8(bitPattern: $0) })
                // E2BIG only means the output chunk is full: go round again. Anything else
                // (EILSEQ, EINVAL) means the bytes are not in `source`.
                if status == -1 && err != E2BIG { return nil }
            }
            return result
        }
    }
}
