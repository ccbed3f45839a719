/// "unknown KIND 'name' [in CONTEXT]" with the likely intended name, or the list of valid ones.
public func unknownNameMessage(_ name: String, kind: String, in context: String? = nil, candidates: [String]) -> String
{
  var message = "unknown \(kind) '\(name)'"
  if let context { message += " in \(context)" }
  if let suggestion = closestMatch(to: name, in: candidates) {
    message += " (did you mean '\(suggestion)'?)"
  } else {
    message += " (expected one of: \(candidates.joined(separator: ", ")))"
  }
  return message
}

/// The message for a source name no `data:` declares; a path written there is the common slip, so it shows the fix.
public func unknownSourceMessage(_ name: String, candidates: [String]) -> String {
  let looksLikePath = name.contains("/") || name.contains(".")
  if candidates.isEmpty || (looksLikePath && closestMatch(to: name, in: candidates) == nil) {
    let declared =
      candidates.isEmpty ? "no data sources are declared" : "declared: \(candidates.joined(separator: ", "))"
    return "unknown data source '\(name)' (\(declared); a layer names a source declared under `data:`, "
      + "e.g. `data: {runs: \(looksLikePath ? name : "runs.csv")}` then `data: runs` in the layer)"
  }
  return unknownNameMessage(name, kind: "data source", candidates: candidates)
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
public func closestMatch(
  to word: String, in candidates: [String], caseSensitive: Bool = false, maximumDistance: Int? = nil
) -> String? {
  // Closest by edit distance; a tie goes to the candidate sharing the longer prefix ('icm' → 'icml').
  // Case-sensitive names (TeX's \lambda and \Lambda) compare as written.
  let fold: (String) -> String = caseSensitive ? { $0 } : { $0.lowercased() }
  let scored = candidates.map { ($0, editDistance(fold(word), fold($0))) }
  func prefix(_ candidate: String) -> Int {
    zip(fold(word), fold(candidate)).prefix { $0 == $1 }.count
  }
  guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && prefix($0.0) > prefix($1.0)) }) else { return nil }
  let tolerance = maximumDistance ?? max(2, word.count / 3)
  return best.1 <= tolerance ? best.0 : nil
}

/// Levenshtein distance over Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
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
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
