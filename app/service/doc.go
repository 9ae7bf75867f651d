// Package service holds the use cases of ACE Desk: one struct per area,
// bound to the UI as is (Wails on the desktop, JSON over HTTP in browser
// and LAN mode) and called by the command line. Each service holds the
// narrow store interface it needs and the ports (app.Printer, …) it works
// through; main.go plugs in the real ones.
package service
