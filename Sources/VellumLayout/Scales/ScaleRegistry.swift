import VellumSpec

/// Every scale an axis can name, in the order the schema and error messages list them; the first is the default.
/// Adding a scale kind is one file in `Kinds` and one line here.
public enum ScaleRegistry {
  public static let kinds = ScaleKinds(
    [
      LinearScale.kind,
      LogScale.kind,
      SymlogScale.kind,
      LogitScale.kind,
      CategoricalScale.kind,
      TimeScale.kind,
      DurationScale.kind,
    ], standard: LinearScale())
}
