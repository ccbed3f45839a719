import VellumDiagnostics
import VellumSpec

/// `roc` and `pr_curve`: a binary classifier's ROC or precision-recall curve from its scores and true labels, per
/// group, as scikit-learn's roc_curve (drop_intermediate=False) with roc_auc_score, and precision_recall_curve with
/// average_precision_score compute them; the area (`auc`, `ap`) is a column constant within each group, for labels
/// such as `{model} (AUC = {auc:.3f})`.
struct ClassifierCurveTransform: TableTransform {
  enum Curve: Sendable { case roc, precisionRecall }

  static let roc = kind(.roc)
  static let precisionRecall = kind(.precisionRecall)

  private static func kind(_ curve: Curve) -> TransformKind {
    let roc = curve == .roc
    return TransformKind(
      SpecObject(
        roc ? "roc" : "pr_curve",
        purpose: roc
          ? "A ROC curve per group from scores and true labels (scikit-learn's roc_curve and roc_auc_score): rows "
            + "fpr, tpr, threshold from (0, 0) at threshold +inf (left missing) to (1, 1), and auc, the area."
          : "A precision-recall curve per group from scores and true labels (scikit-learn's "
            + "precision_recall_curve and average_precision_score): rows recall, precision, threshold from recall 0 "
            + "(precision 1) up, and ap, the average precision.",
        keys: [
          SpecKey(
            "score", SpecSchema.string, "the column of scores, higher meaning more likely positive", example: "score"),
          SpecKey(
            "label", SpecSchema.string, "the column of true labels: 1/0, true/false, or see positive", example: "label"),
          SpecKey(
            "positive", SpecSchema.string, "the label value that is the positive class",
            default: "1 or true (labels 0/1, -1/1 or true/false)", example: "spam"),
          TransformKeys.by("columns whose rows make separate curves (one per model)"),
        ],
        required: ["score", "label"],
        example: roc
          ? "{roc: {score: score, label: label, by: model}}" : "{pr_curve: {score: score, label: label, by: model}}"),
      decode: { try ClassifierCurveTransform(node: $0, curve: curve) })
  }

  var curve: Curve
  var score: Located<String>
  var label: Located<String>
  var positive: String?
  var by: [Located<String>]

  init(node: SpecNode, curve: Curve) throws {
    self.curve = curve
    let map = try node.mapping((curve == .roc ? Self.roc : Self.precisionRecall).object)
    score = try map.required("score") { try $0.located("a column name") }
    label = try map.required("label") { try $0.located("a column name") }
    positive = try map.optional("positive") { try $0.scalarText ?? $0.string("a label value") }
    by = try map.groups()
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let groups = try table.rowGroups(by)
    let scores = try table.numbers(score)
    let positives = try self.positives(table)
    let keys = try by.map { try table.strings($0) }
    let names = curve == .roc ? ["fpr", "tpr", "threshold", "auc"] : ["recall", "precision", "threshold", "ap"]
    var columns = [[Double]](repeating: [], count: 4)
    var text = [[String]](repeating: [], count: by.count)
    for rows in groups {
      // Rows with a missing score or label are left out, as pandas' dropna before scikit-learn would.
      let present = rows.filter { !scores[$0].isNaN && positives[$0] != nil }
      let points = try curvePoints(present.map { (scores[$0], positives[$0]!) }, rows: rows, table: table)
      for (index, values) in points.enumerated() { columns[index] += values }
      for k in by.indices { text[k] += Array(repeating: keys[k][rows[0]], count: points[0].count) }
    }
    var textColumns: [String: [String]] = [:]
    for (k, column) in by.enumerated() { textColumns[column.value] = text[k] }
    var numbers: [String: [Double]] = [:]
    for (index, name) in names.enumerated() { numbers[name] = columns[index] }
    table = Table(
      origin: table.origin, order: by.map(\.value) + names, text: textColumns, numbers: numbers,
      rowCount: columns[0].count)
  }

  /// Whether each row is positive; nil for a missing label.
  private func positives(_ table: Table) throws -> [Bool?] {
    let cells = try table.strings(label)
    let index = table.columnNames.firstIndex(of: label.value) ?? 0
    return try cells.enumerated().map { row, cell in
      let trimmed = cell.trimmingCharacters(in: .whitespaces)
      if table.isMissing(cell) { return nil }
      if let positive { return trimmed == positive }
      switch trimmed.lowercased() {
      case "1", "1.0", "true": return true
      case "0", "0.0", "-1", "-1.0", "false": return false
      default:
        throw VellumError(
          .invalidData,
          "the label column '\(label.value)' holds '\(cell)': labels are 1/0, -1/1 or true/false unless positive "
            + "names the positive class", at: table.location(row: row, column: index) ?? label.location)
      }
    }
  }

  /// The curve's columns for one group: (fpr, tpr, threshold, auc) or (recall, precision, threshold, ap).
  private func curvePoints(_ samples: [(score: Double, positive: Bool)], rows: [Int], table: Table) throws
    -> [[Double]]
  {
    let totalPositive = samples.filter(\.positive).count
    let totalNegative = samples.count - totalPositive
    let group = by.isEmpty ? "" : " in the group starting at row \(rows[0] + 1)"
    guard totalPositive > 0, curve == .precisionRecall || totalNegative > 0 else {
      throw VellumError(
        .invalidData,
        "a \(curve == .roc ? "ROC" : "precision-recall") curve needs \(curve == .roc ? "both classes" : "a positive label")"
          + "\(group); found \(totalPositive) positive and \(totalNegative) negative rows", at: score.location)
    }
    // Thresholds at each distinct score, highest first; tied scores cross together.
    let sorted = samples.sorted { $0.score > $1.score }
    var truePositives: [Double] = []
    var falsePositives: [Double] = []
    var thresholds: [Double] = []
    var (tp, fp) = (0.0, 0.0)
    for (index, sample) in sorted.enumerated() {
      if sample.positive { tp += 1 } else { fp += 1 }
      if index + 1 == sorted.count || sorted[index + 1].score != sample.score {
        truePositives.append(tp)
        falsePositives.append(fp)
        thresholds.append(sample.score)
      }
    }
    let (p, n) = (Double(totalPositive), Double(totalNegative))
    if curve == .roc {
      let fpr = [0] + falsePositives.map { $0 / n }
      let tpr = [0] + truePositives.map { $0 / p }
      var area = 0.0
      for i in 1..<fpr.count { area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2 }
      return [fpr, tpr, [.nan] + thresholds, Array(repeating: area, count: fpr.count)]
    }
    // Recall rising from 0 at precision 1; average precision Σ (Rₙ − Rₙ₋₁) Pₙ, as scikit-learn sums it.
    let precision = [1] + zip(truePositives, falsePositives).map { $0 / ($0 + $1) }
    let recall = [0] + truePositives.map { $0 / p }
    var average = 0.0
    for i in 1..<recall.count { average += (recall[i] - recall[i - 1]) * precision[i] }
    return [recall, precision, [.nan] + thresholds, Array(repeating: average, count: recall.count)]
  }
}
