// Command acedesk is ACE Desk: the desktop window with no arguments, and
// headless commands (serve, demo, members, backup, restore) otherwise.
// Built without the desktop tag (CGO_ENABLED=0, for machines without a
// desktop toolkit) it has no window and starts browser mode instead.
package main

import (
	"embed"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"syscall"

	"acedesk/app/cli"
	"acedesk/app/desktop"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		log.Fatal(err)
	}
	interrupt := make(chan struct{})
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() { <-sig; close(interrupt) }()
	os.Exit(cli.Run(desktop.DefaultArgs(os.Args[1:]), cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		Assets: dist, Desktop: desktop.Run(dist, icon), Interrupt: interrupt,
	}))
}
