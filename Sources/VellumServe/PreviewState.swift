import Foundation

/// What a figure page shows of its spec's latest render: sent to the page as JSON each time it changes.
struct PreviewState: Codable, Sendable {
  /// Counts every change (a render, a failure, an edit of the spec): the page asks again when it grows.
  var version: Int
  /// The version whose figure the page should show: the last render that succeeded (0: none yet).
  var figureVersion: Int
  var title: String
  /// The spec's text as on disk, shown with line numbers (the error's line highlighted).
  var spec: String
  var error: PreviewError?
  /// Warnings of the last successful render, one located line each.
  var warnings: [String]
  /// The first rows of each layer's table after its transforms (what `vellum data` writes).
  var tables: [DataPreview]
}

/// A failed render: the located error line, and its line and column when they fall in the spec itself.
struct PreviewError: Codable, Sendable {
  var message: String
  var line: Int?
  var column: Int?
}

/// The first rows of one layer's data.
struct DataPreview: Codable, Sendable {
  var name: String
  var columns: [String]
  var rows: [[String]]
  /// Rows in the whole table (the page says how many it leaves out).
  var rowCount: Int
}
