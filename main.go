// Command acedesk is ACE Desk: the desktop window with no arguments, and
// headless commands (serve, demo, members, backup, restore, …) otherwise.
// Built without the desktop tag (CGO_ENABLED=0, for machines without a
// desktop toolkit) it has no window and starts browser mode instead.
//
// This file wires the program: the bbolt store, the adapters the services
// work through, the services, and the transports that serve them (see
// ARCHITECTURE.md).
package main

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"syscall"

	"acedesk/app"
	"acedesk/app/badge"
	"acedesk/app/bundle"
	"acedesk/app/cli"
	"acedesk/app/desktop"
	"acedesk/app/exchange"
	"acedesk/app/logfile"
	"acedesk/app/pdf"
	"acedesk/app/pgpush"
	"acedesk/app/pinyin"
	"acedesk/app/service"
	"acedesk/app/showcase"
	"acedesk/app/sign"
	"acedesk/app/web"
	"acedesk/store"
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
		Open:    func(path string, echo io.Writer) (*cli.Session, error) { return open(path, echo, dist) },
		Clock:   app.SystemClock{},
		Restore: func(db, from string) (string, error) { return store.Restore(db, from, app.SystemClock{}) },
		LogPath: logfile.PathFor,
		Desktop: desktop.Run(dist, icon, interrupt), Interrupt: interrupt,
	}))
}

// open opens the database at path and wires what serves it. The log goes
// to a file beside the database, and to echo too when it is not nil.
func open(path string, echo io.Writer, assets fs.FS) (*cli.Session, error) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	logPath := logfile.PathFor(st.Path())
	file, err := logfile.Open(logPath, logfile.MaxBytes)
	if err != nil {
		st.Close()
		return nil, err
	}
	var out io.Writer = file
	if echo != nil {
		out = io.MultiWriter(file, echo)
	}
	logger := logfile.New(out)
	ports := service.Ports{
		Printer: pdf.NewPrinter(), Showcase: showcase.Renderer{}, Badges: badge.Issuer{}, Codes: sign.Codes{}, Latin: pinyin.Romanizer{},
		Bundles: bundle.Codec{}, Sheets: exchange.Spreadsheets{}, Pusher: pgpush.Pusher{},
		Log: logger, LogPath: logPath,
	}
	svc := service.New(st, app.SystemClock{}, osUser(), ports)
	// The chapter key is made on first start, so it dates from the
	// database's beginning, before any certificate needs it.
	if _, err := svc.Trust.ChapterKey(); err != nil {
		return nil, errors.Join(err, st.Close(), file.Close())
	}
	hub := web.NewHub(web.Config{Services: svc, Repo: st, Clock: app.SystemClock{}, Codes: ports.Codes, Assets: assets, Logger: logger})
	return &cli.Session{DB: st, Services: svc, Hub: hub, Log: logger, LogFile: file}, nil
}

// osUser names the operator until one is set in Settings.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return filepath.Base(u.Username) // Windows names are DOMAIN\user
	}
	return "operator"
}
