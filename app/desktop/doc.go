// Package desktop is the desktop window (Wails): the only code that needs
// a desktop toolkit. Built without the desktop tag, window.go is replaced
// by none.go, and the binary runs browser mode instead.
package desktop
