import VellumSpec

/// Every transform a spec can use, in the order the schema and error messages list them.
/// Adding a transform is one file in this folder and one line here.
public enum TransformRegistry {
  public static let kinds = TransformKinds([
    EMATransform.kind,
    RollingTransform.kind,
    FilterTransform.kind,
    SelectTransform.kind,
    RenameTransform.kind,
    UnpivotTransform.kind,
    InterpolateTransform.kind,
    AggregateTransform.kind,
    Bin2DTransform.kind,
    NormalizeTransform.kind,
    SortTransform.kind,
    CumulativeTransform.kind,
    StackTransform.kind,
    CalculateTransform.kind,
    RankTransform.kind,
    TopTransform.kind,
    DifferenceTransform.difference,
    DifferenceTransform.percentChange,
    DropMissingTransform.kind,
    JoinTransform.kind,
    BinTransform.kind,
    FillMissingTransform.kind,
    ClassifierCurveTransform.roc,
    ClassifierCurveTransform.precisionRecall,
  ])
}
