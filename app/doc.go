// Package app is ACE Desk's domain: the records a chapter keeps (members,
// groups, events, contributions, decisions, batches and holdings,
// certificates), their validation, the one error type the UI translates,
// and the ports through which the use cases reach the outside world:
// the repository interfaces the store implements, the printer, the
// spreadsheets, the certificate codes, the bundle codec and the merge
// transaction.
//
// It imports the standard library, golang.org/x/text and app/rules only.
// The use cases are in app/service, the adapters beside it (app/pdf,
// app/exchange, …), and main.go wires them: see ARCHITECTURE.md.
package app
