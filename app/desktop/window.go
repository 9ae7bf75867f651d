//go:build desktop || bindings

package desktop

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"acedesk/app"
	"acedesk/app/cli"
	"acedesk/app/service"
	"acedesk/app/web"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// DefaultArgs leaves the arguments as they are: with none, the window opens.
func DefaultArgs(args []string) []string { return args }

// Run returns what opens the window on a session, or, when the database
// could not be opened, a window whose only content is a dialog saying why.
// assets is the built frontend, icon the window's icon (PNG); when
// interrupt closes (SIGTERM, Ctrl+C) the window closes as its close button
// would close it.
func Run(assets fs.FS, icon []byte, interrupt <-chan struct{}) func(s *cli.Session, openErr error) int {
	return func(s *cli.Session, openErr error) int { return run(s, openErr, assets, icon, interrupt) }
}

func run(s *cli.Session, openErr error, dist fs.FS, icon []byte, interrupt <-chan struct{}) int {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if s != nil {
		logger = s.Log
	}
	opts := &options.App{
		Title:     "ACE Desk",
		Width:     defaultWidth,
		Height:    defaultHeight,
		MinWidth:  minWidth,
		MinHeight: minHeight,
		Linux:     linuxOptions(icon),
	}
	if openErr != nil {
		opts.Width, opts.Height, opts.MinWidth, opts.MinHeight = 560, 220, 0, 0
		opts.AssetServer = &assetserver.Options{Handler: messagePage(openErrorMessage(openErr))}
		opts.OnStartup = func(ctx context.Context) {
			runtime.MessageDialog(ctx, runtime.MessageDialogOptions{
				Type: runtime.ErrorDialog, Title: "ACE Desk", Message: openErrorMessage(openErr),
			})
			runtime.Quit(ctx)
		}
		if err := wails.Run(opts); err != nil {
			logger.Error("window", "err", err)
		}
		fmt.Fprintln(os.Stderr, "acedesk:", openErr)
		return cli.ExitLocked
	}
	opts.AssetServer = &assetserver.Options{Assets: dist}
	// The hub binds the services and LAN control, so Settings can switch LAN mode on.
	opts.Bind = s.Hub.Bindings()
	opts.ErrorFormatter = func(err error) any { return web.FormatError(err, logger, "desktop") }
	// The window opens where it was left, at the size it had, unless that
	// does not fit the screen it opens on.
	file := placeFile(s.DB.Path())
	last := loadPlace(file)
	if last != nil {
		opts.Width, opts.Height = last.Width, last.Height
	}
	opts.OnStartup = func(ctx context.Context) {
		s.Services.UseDesktop(desktop{ctx})
		go func() {
			<-interrupt
			runtime.Quit(ctx)
		}()
	}
	var placed sync.Once
	opts.OnDomReady = func(ctx context.Context) { placed.Do(func() { place(ctx, last, logger) }) }
	opts.OnBeforeClose = func(ctx context.Context) bool {
		w, h := runtime.WindowGetSize(ctx)
		x, y := runtime.WindowGetPosition(ctx)
		if err := savePlace(file, Place{X: x, Y: y, Width: w, Height: h}); err != nil {
			logger.Error("window place", "err", err)
		}
		return false
	}
	if err := wails.Run(opts); err != nil {
		logger.Error("window", "err", err)
		return cli.ExitError
	}
	return cli.ExitOK
}

// linuxOptions keeps WebKitGTK's hardware acceleration off, as Wails does
// when it is given no Linux options at all: with it on, WebKitGTK 2.42 and
// later composite through GL, and on software GL (a laptop without a GPU
// driver, Xvfb) or some GPU drivers the window can stay blank under a
// correct title (wailsapp/wails#2977). Lists and charts need no GPU.
func linuxOptions(icon []byte) *linux.Options {
	return &linux.Options{Icon: icon, ProgramName: "acedesk", WebviewGpuPolicy: linux.WebviewGpuPolicyNever}
}

// place puts the window at the place fit gives for the screen it is on:
// once the page is up, the window is on a screen to measure.
func place(ctx context.Context, last *Place, logger *slog.Logger) {
	screens, err := runtime.ScreenGetAll(ctx)
	if err != nil || len(screens) == 0 {
		logger.Error("window place: no screen", "err", err)
		return
	}
	screen := screens[0]
	for _, sc := range screens {
		if sc.IsCurrent {
			screen = sc
		}
	}
	p, center := fit(last, screen.Size.Width, screen.Size.Height)
	moveWindow(ctx, p, center)
}

// desktop gives the services Wails' save dialog and the system's viewer.
type desktop struct{ ctx context.Context }

func (d desktop) SaveDialog(name string) (string, error) {
	opts := runtime.SaveDialogOptions{Title: "保存 / Save", DefaultFilename: name, CanCreateDirectories: true}
	// Offering the file's own type keeps the extension when the user renames it.
	if ext := filepath.Ext(name); ext != "" {
		opts.Filters = []runtime.FileFilter{{DisplayName: strings.ToUpper(ext[1:]), Pattern: "*" + ext}}
	}
	return runtime.SaveFileDialog(d.ctx, opts)
}

func (desktop) Open(path string) error { return service.OpenInViewer(path) }

func openErrorMessage(err error) string {
	if errors.Is(err, app.ErrDatabaseLocked) {
		return "ACE Desk 已经在使用这个数据库，请切换到已打开的窗口。\n\nACE Desk is already open on this database: switch to that window."
	}
	if e := app.AsError(err); e != nil && e.Reason == "not_acedesk_db" {
		p := e.Params["path"]
		return "这个文件不是 ACE Desk 数据库，或已损坏：\n" + p + "\n\nThis file is not an ACE Desk database, or it is damaged:\n" + p
	}
	return "无法打开数据库 / Cannot open the database:\n\n" + err.Error()
}

// messagePage is the page behind the open-error dialog: the same message,
// as escaped text.
func messagePage(msg string) http.Handler {
	page := "<!doctype html><meta charset=utf-8><title>ACE Desk</title>" +
		"<body style=\"font:16px sans-serif;padding:2em;white-space:pre-wrap\">" + html.EscapeString(msg)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
}
