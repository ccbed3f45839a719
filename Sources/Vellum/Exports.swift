// The library's surface is `Figure`, `FigureRenderer`, `OutputFormat` and the few types their API names;
// the pipeline's stages stay internal to their own modules.
@_exported import struct VellumDiagnostics.SourceLocation
@_exported import struct VellumDiagnostics.VellumError
@_exported import struct VellumDiagnostics.VellumWarning
@_exported import struct VellumScene.Scene
@_exported import enum VellumScene.TextMode
@_exported import struct VellumSpec.FigureSpec
@_exported import enum VellumSpec.JSONValue
