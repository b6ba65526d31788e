import Foundation
import Prometheus

/// What `/metrics` shows, in one Prometheus registry per application (so that tests, which
/// run many applications in one process, each see their own). Counters and histograms are
/// fed where things happen; the gauges that describe the database (outbox size, meetings
/// in progress, connections) are read when `/metrics` is asked (`OpsGauges`).
final class OpsMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// The counters an alert watches are there from the start, at 0: a rule on
    /// `xieshang_mail_failures_total` must not wait for the first failure to see the series.
    init() {
        mailSent(by: 0)
        for transient in [true, false] { mailFailed(transient: transient, by: 0) }
        for lockedOut in [true, false] { signInFailed(lockedOut: lockedOut, by: 0) }
    }

    /// From 5 ms to 10 s: a page is expected within 100 ms, a DOCX or a compiled packet in seconds.
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]
    /// A group commit takes what arrived while the previous one committed: 1 when calm, dozens
    /// when a room's phones ask to speak at once.
    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128]

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "xieshang", metricName: metric, unitName: unit, helpText: help)
    }

    // MARK: Requests

    /// `route` is the registered pattern (`/symposia/:id`), never the raw path: ids would make
    /// a series per object, and the raw path may carry a calendar feed's token.
    func request(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route)]
        registry.makeCounter(descriptor: Self.name("http_requests", "total", "HTTP requests answered, by route pattern and status."),
                             labels: labels + [("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("http_request_duration", "seconds",
                                                             "Time from a request's arrival to its response, by route pattern."),
                                       labels: labels, buckets: Self.latencyBuckets).record(duration)
    }

    // MARK: Sign-in

    func signInFailed(lockedOut: Bool, by n: Int64 = 1) {
        registry.makeCounter(descriptor: Self.name("sign_in_failures", "total", "Refused sign-ins (wrong password, or locked out)."),
                             labels: [("reason", lockedOut ? "locked_out" : "wrong_credentials")]).increment(by: n)
    }

    // MARK: Live meeting

    func groupCommit(size: Int) {
        registry.makeValueHistogram(descriptor: Self.name("live_group_commit_size", "changes",
                                                          "Live-meeting changes committed together in one transaction."),
                                    buckets: Self.batchBuckets).record(Double(size))
    }

    // MARK: Mail

    func mailSent(by n: Int64 = 1) {
        registry.makeCounter(descriptor: Self.name("mail_sent", "total", "Mails the relay accepted.")).increment(by: n)
    }

    /// `transient`: the outbox will try again; otherwise the mail is given up and shown to the office.
    func mailFailed(transient: Bool, by n: Int64 = 1) {
        registry.makeCounter(descriptor: Self.name("mail_failures", "total", "Delivery attempts that failed, by whether they are retried."),
                             labels: [("kind", transient ? "transient" : "permanent")]).increment(by: n)
    }

    // MARK: Gauges set at scrape time

    func gauge(_ metric: String, unit: String = "", help: String, labels: [(String, String)] = [], _ value: Double) {
        registry.makeGauge(descriptor: Self.name(metric, unit, help), labels: labels).set(value)
    }

    func text() -> String { registry.emitToString() }
}
