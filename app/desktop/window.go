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
// assets is the built frontend, icon the window's icon (PNG).
func Run(assets fs.FS, icon []byte) func(s *cli.Session, openErr error) int {
	return func(s *cli.Session, openErr error) int { return run(s, openErr, assets, icon) }
}

func run(s *cli.Session, openErr error, dist fs.FS, icon []byte) int {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if s != nil {
		logger = s.Log
	}
	opts := &options.App{
		Title:     "ACE Desk",
		Width:     1280,
		Height:    860,
		MinWidth:  1000,
		MinHeight: 640,
		Linux:     &linux.Options{Icon: icon, ProgramName: "acedesk"},
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
	opts.OnStartup = func(ctx context.Context) { s.Services.UseDesktop(desktop{ctx}) }
	if err := wails.Run(opts); err != nil {
		logger.Error("window", "err", err)
		return cli.ExitError
	}
	return cli.ExitOK
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
