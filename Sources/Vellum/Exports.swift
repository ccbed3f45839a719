@_exported import VellumData
@_exported import VellumDiagnostics
@_exported import VellumLayout
@_exported import VellumSVG
@_exported import VellumScene
@_exported import VellumSpec
