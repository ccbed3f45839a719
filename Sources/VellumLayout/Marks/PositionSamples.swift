/// The samples standing at each position of the category axis, positions in order of first appearance; missing
/// values and non-finite positions left out. Box and violin summarise each such group.
func samplesByPosition(_ positions: [Double], _ values: [Double]) -> [(position: Double, samples: [Double])] {
  var samples: [Double: [Double]] = [:]
  var order: [Double] = []
  for (position, value) in zip(positions, values) where position.isFinite && !value.isNaN {
    if samples[position] == nil { order.append(position) }
    samples[position, default: []].append(value)
  }
  return order.map { ($0, samples[$0]!) }
}

/// Each position's values (NaN left out), for colouring a box or a violin by a column through a colormap.
func valuesByPosition(_ positions: [Double], _ values: [Double]) -> [Double: [Double]] {
  var grouped: [Double: [Double]] = [:]
  for (position, value) in zip(positions, values) where position.isFinite && value.isFinite {
    grouped[position, default: []].append(value)
  }
  return grouped
}
