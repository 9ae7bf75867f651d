package desktop

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// Wails 2.9.2 on Linux calls GTK from the calling goroutine in these
// runtime functions, not on GTK's main thread; called from OnDomReady they
// raced the window's first layout and paint and left it white.
var offThreadOnLinux = map[string]bool{"WindowSetSize": true, "WindowSetAlwaysOnTop": true}

func TestTheLinuxWindowIsOnlyChangedOnGTKsThread(t *testing.T) {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "linux", "amd64", true
	ctx.BuildTags = []string{"desktop", "production"}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := ctx.MatchFile(".", name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "runtime" && offThreadOnLinux[sel.Sel.Name] {
				t.Errorf("%s: runtime.%s calls GTK off its main thread on Linux; use moveWindow", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 3 {
		t.Fatalf("checked %d files of the Linux desktop build, want window.go, place.go, move_linux.go at least", checked)
	}
}
