import Foundation

/// Where to go after signing in: only a path on this site.
///
/// Checked as a browser will read it, not as written: browsers drop tabs and line breaks
/// anywhere in a URL and read a backslash as a slash, so `/<TAB>/evil.example` is
/// `//evil.example`, another site. What is returned is the cleaned path that was checked.
enum LocalRedirect {
    static func path(_ candidate: String?, otherwise fallback: String) -> String {
        guard let candidate else { return fallback }
        let cleaned = String(String.UnicodeScalarView(candidate.unicodeScalars.filter { !["\t", "\n", "\r"].contains($0) }))
        let controlOrSpace = cleaned.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
        guard cleaned.hasPrefix("/"), !cleaned.hasPrefix("//"), !cleaned.contains("\\"), !controlOrSpace,
              let components = URLComponents(string: cleaned),
              components.scheme == nil, components.host == nil, components.path.hasPrefix("/")
        else { return fallback }
        return cleaned
    }
}
