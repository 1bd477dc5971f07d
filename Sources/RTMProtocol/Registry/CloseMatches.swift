/// Finds the candidates closest to a mistyped name, for "did you mean" messages.
///
/// A candidate matches when its edit distance to the query (case-insensitive, `-` and space read as `_`) is at
/// most a third of the query's length (at least 2), or when one contains the other (queries of 3+ characters).
///
/// ```swift
/// CloseMatches.best(for: "JOIN_CHANEL_ERR", among: ["JOIN_CHANNEL_ERR", "LEAVE_CHANNEL_ERR"])
/// // ["JOIN_CHANNEL_ERR"]
/// ```
public enum CloseMatches {
    /// The best `limit` matches, closest first, ties broken by name.
    ///
    /// - Complexity: O(*n* × *q* × *c*) for *n* candidates of length *c* and a query of length *q*.
    public static func best(for query: String, among candidates: [String], limit: Int = 5) -> [String] {
        let wanted = normalized(query)
        guard !wanted.isEmpty else { return [] }
        let threshold = max(2, wanted.count / 3)
        var scored: [(score: Int, name: String)] = []
        for candidate in Set(candidates) {
            let have = normalized(candidate)
            let distance = editDistance(wanted, have)
            if distance <= threshold {
                scored.append((distance, candidate))
            } else if wanted.count >= 3, have.contains(wanted) || wanted.contains(have) {
                // Substring hits rank after every close edit, shorter (more specific) first.
                scored.append((threshold + 1 + abs(have.count - wanted.count), candidate))
            }
        }
        scored.sort { ($0.score, $0.name) < ($1.score, $1.name) }
        return scored.prefix(max(0, limit)).map(\.name)
    }

    /// The Levenshtein distance between two strings, by Unicode scalar.
    ///
    /// - Complexity: O(*a* × *b*).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func normalized(_ name: String) -> String {
        String(name.uppercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }
}
