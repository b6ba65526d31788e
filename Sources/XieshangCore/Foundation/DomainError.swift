/// What went wrong, for a person (Chinese `message`) and for a program (stable `code`).
///
/// One protocol so that a single middleware can turn any refusal of the domain into an
/// error page or an API body with the right status, without routes knowing the cases.
public protocol DomainError: Error, Sendable {
    /// Stable, machine-readable, `snake_case`; part of the API contract.
    var code: String { get }
    /// Simplified Chinese, shown to the user as is.
    var message: String { get }
    var kind: DomainErrorKind { get }
    /// Per-field or per-line details (e.g. CSV line errors); empty when not applicable.
    var details: [String] { get }
}

extension DomainError {
    public var details: [String] { [] }
}

public enum DomainErrorKind: Sendable, Equatable {
    /// The input is malformed or breaks a rule (HTTP 400/422).
    case invalid
    /// The caller may not do this (HTTP 403).
    case forbidden
    /// No such object, or not visible to the caller (HTTP 404).
    case notFound
    /// The object changed meanwhile, or the step is out of order (HTTP 409).
    case conflict
}

/// A refusal with its fields, for places where a dedicated enum would add nothing.
public struct Refusal: DomainError, Equatable {
    public let code: String
    public let message: String
    public let kind: DomainErrorKind
    /// Per-field or per-line details (e.g. CSV line errors); empty when not applicable.
    public let details: [String]

    public init(_ kind: DomainErrorKind, code: String, message: String, details: [String] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.details = details
    }
}
