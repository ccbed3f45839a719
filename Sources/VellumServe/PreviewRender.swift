import Foundation
import Vellum
import VellumDiagnostics
import VellumScene

/// One render of a previewed spec: its SVG, or the error that stopped it, and the files to watch for the next one.
struct PreviewRender: Sendable {
  /// Rows of each layer's table the page shows.
  static let previewRows = 20

  var figure: Figure?
  var svg: [UInt8]?
  var title: String
  var specText: String
  var error: PreviewError?
  var warnings: [String] = []
  var tables: [DataPreview] = []
  /// The spec and every file it reads; only the spec while it does not parse.
  var inputs: [String]

  init(source: PreviewSource, renderer: FigureRenderer) {
    let fallbackTitle = URL(fileURLWithPath: source.path).lastPathComponent
    specText =
      FileManager.default.contents(atPath: source.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    title = fallbackTitle
    inputs = [source.path]
    do {
      let figure = try Figure(contentsOf: source.path, style: renderer.style)
      inputs += (figure.inputFiles + figure.searchedFolders).map(\.path)
      let (outputs, warnings, scene) = try renderer.renderKeepingScene(figure, formats: [.svg])
      self.figure = figure
      svg = outputs[.svg]
      self.warnings = warnings.map(\.description)
      // The figure's title (panel titles when it has none), as the gallery captions it; else the file's name.
      if !scene.title.isEmpty { title = scene.title }
      tables = Self.tables(of: figure, baseName: source.id)
    } catch let error as VellumError {
      let inSpec = error.location.map { $0.file == source.path } ?? false
      self.error = PreviewError(
        message: error.description, line: inSpec ? error.location?.line : nil,
        column: inSpec ? error.location?.column : nil)
    } catch {
      self.error = PreviewError(message: "error: \(error)", line: nil, column: nil)
    }
  }

  /// The first rows of each layer's final table, as `vellum data` writes them.
  private static func tables(of figure: Figure, baseName: String) -> [DataPreview] {
    guard let tables = try? LayerDataExport.tables(figure: figure, baseName: baseName, rowLimit: previewRows) else {
      return []
    }
    return tables.map { table in
      let rows = (0..<table.rows).map { row in table.columns.map { $0.cells[row] } }
      return DataPreview(name: table.name, columns: table.columns.map(\.name), rows: rows, rowCount: table.rowCount)
    }
  }
}
