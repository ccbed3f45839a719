import VellumData
import VellumSpec

/// Every mark kind a spec can use, in the order the schema and error messages list them.
/// Adding a kind is one file in this folder and one line here.
public enum MarkRegistry {
  public static let layerKinds = LayerKinds([
    LineMark.layerKind,
    ScatterMark.layerKind,
    BandMark.layerKind,
    AreaMark.layerKind,
    BarMark.layerKind,
    ErrorBarMark.layerKind,
    ReferenceLineMark.horizontal,
    ReferenceLineMark.vertical,
    SpanMark.horizontal,
    SpanMark.vertical,
    TextMark.layerKind,
    EcdfMark.layerKind,
    HistogramMark.layerKind,
    DensityMark.layerKind,
    BoxMark.layerKind,
    StripMark.layerKind,
    ViolinMark.layerKind,
    HeatmapMark.layerKind,
    ContourMark.lines,
    ContourMark.bands,
    StemMark.layerKind,
    HexbinMark.layerKind,
  ])
}

extension Grammar {
  /// Vellum's marks, transforms and scales: what a spec's layers, `transform` lists and axes may use.
  public static let vellum = Grammar(
    layers: MarkRegistry.layerKinds, transforms: TransformRegistry.kinds, scales: ScaleRegistry.kinds)
}
