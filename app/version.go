package app

// Version is the application version, set at build time with -ldflags.
var Version = "0.1.0-dev"
