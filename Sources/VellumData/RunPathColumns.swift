import VellumDiagnostics
import VellumSpec

extension TensorBoardReader {
  /// The table with one column per named group of `pattern`, each row holding what the group matched in its
  /// run's path: a sweep's parameters from its folders (`lr=3e-4,seed=2/` with `lr=(?<lr>[^,]+),seed=(?<seed>\d+)`).
  /// A run the pattern does not match, or a group named like one of the table's columns, is an error at the pattern.
  static func addingRunColumns(_ table: Table, pattern: Located<String>) throws -> Table {
    let regex = try Regex(pattern.value)
    let runs = try table.strings(Located("run", at: pattern.location))
    var matched: [String: [String: String]] = [:]
    var names: [String] = []
    for run in Set(runs).sorted() {
      guard let match = try regex.firstMatch(in: run) else {
        throw VellumError(
          .invalidData, "path_pattern '\(pattern.value)' does not match the run '\(run)'", at: pattern.location)
      }
      var groups: [String: String] = [:]
      for element in match.output {
        guard let name = element.name else { continue }
        groups[name] = element.substring.map(String.init) ?? ""
        if !names.contains(name) { names.append(name) }
      }
      matched[run] = groups
    }
    var result = table
    for name in names {
      guard !table.has(name) else {
        throw VellumError(
          .invalidSpec, "path_pattern's group '\(name)' names a column the TensorBoard table already has; rename it",
          at: pattern.location)
      }
      result.setText(name, runs.map { matched[$0]?[name] ?? "" })
    }
    return result
  }

  /// The table with one column per hyperparameter the runs logged through the hparams plugin (in order of first
  /// appearance), each row holding its run's value; a run that logged none, or not that one, leaves the cell empty.
  static func addingHParams(
    _ table: Table, _ hparams: [String: [(name: String, value: String)]], at location: SourceLocation
  ) throws -> Table {
    guard !hparams.isEmpty else {
      throw VellumError(
        .invalidData,
        "no run under this TensorBoard folder logged hyperparameters (TensorBoard's hparams plugin); leave out hparams",
        at: location)
    }
    var names: [String] = []
    for run in hparams.keys.sorted() {
      for (name, _) in hparams[run]! where !names.contains(name) { names.append(name) }
    }
    let runs = try table.strings(Located("run", at: location))
    var result = table
    for name in names {
      guard !result.has(name) else {
        throw VellumError(
          .invalidData, "hyperparameter '\(name)' names a column the TensorBoard table already has", at: location)
      }
      let byRun = Dictionary(
        hparams.compactMap { run, values in values.last { $0.name == name }.map { (run, $0.value) } },
        uniquingKeysWith: { first, _ in first })
      result.setText(name, runs.map { byRun[$0] ?? "" })
    }
    return result
  }
}
