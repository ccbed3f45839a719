@_exported import VellumDiagnostics
