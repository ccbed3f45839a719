import Foundation
import Vellum
import VellumData
import VellumTestSupport

@testable import VellumLayout

/// Resolves the first layer of the first panel of `spec` (with `csv` as `data.csv`) as the figure compiler
/// would, through the figure's own scales, so mark tests can inspect the geometry a layer becomes.
func resolveFirstLayer(_ spec: String, csv: String) throws -> [ResolvedLayer] {
  let fixture = try SpecFixture()
  defer { fixture.remove() }
  try fixture.write("data.csv", csv)
  let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec))
  let data = try DataLoader.load(figure.spec)
  var resolution = MarkResolution(
    palette: figure.spec.palette, scales: PanelScales.resolve(figure.spec, data: data)[0])
  return try figure.spec.axes[0].layers[0].mark.resolve(data[0][0], in: &resolution)
}
