/// TeX's inter-atom spacing (The TeXbook, chapter 18): 1 thin, 2 medium, 3 thick; negative entries
/// apply only in text style, never in scripts.
enum MathSpacing {
  private static let table: [[Int]] = [
    // ord op bin rel open close punct inner
    [0, 1, -2, -3, 0, 0, 0, -1],  // ord
    [1, 1, 0, -3, 0, 0, 0, -1],  // op
    [-2, -2, 0, 0, -2, 0, 0, -2],  // bin
    [-3, -3, 0, 0, -3, 0, 0, -3],  // rel
    [0, 0, 0, 0, 0, 0, 0, 0],  // open
    [0, 1, -2, -3, 0, 0, 0, -1],  // close
    [-1, -1, 0, -1, -1, -1, -1, -1],  // punct
    [-1, 1, -2, -3, -1, 0, -1, -1],  // inner
  ]

  /// Space between two atoms in mu (1/18 em of the current size).
  static func mu(between left: MathClass, and right: MathClass, inScript: Bool) -> Double {
    let entry = table[left.rawValue][right.rawValue]
    if entry < 0 && inScript { return 0 }
    return [0, 3, 4, 5][abs(entry)]
  }

  /// TeX's rule that a binary operator with nothing to combine becomes ordinary (a leading minus).
  static func resolveBinaries(_ classes: [MathClass]) -> [MathClass] {
    var classes = classes
    for i in classes.indices where classes[i] == .bin {
      let previous = i == 0 ? nil : classes[i - 1]
      if previous == nil || [.bin, .op, .rel, .open, .punct].contains(previous!) { classes[i] = .ord }
    }
    for i in classes.indices where classes[i] == .bin {
      let next = i + 1 < classes.count ? classes[i + 1] : nil
      if next == nil || [.rel, .close, .punct].contains(next!) { classes[i] = .ord }
    }
    return classes
  }
}
