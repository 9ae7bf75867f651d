package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// computedReasons are the reasons made at run time rather than written
// out, by where they are made: the test cannot follow them, so they are
// listed here, and a new such place fails the test until it is listed.
var computedReasons = map[string][]string{
	// A contact another member holds.
	"store/members.go": {"phone_taken", "email_taken"},
	// A file that is not a table, by its problem (app.TableProblem).
	"app/service/import.go": {"import_unreadable", "import_legacy_format", "import_too_large", "import_no_header",
		"import_unknown_column", "import_duplicate_column", "import_missing_column", "import_unnamed_column",
		"import_broken", "import_beyond_limit"},
	// A phone or email given twice in one file.
	"app/service/member_import.go": {"import_duplicate_phone", "import_duplicate_email"},
	// The step of a load into PostgreSQL that failed.
	"app/pgpush/pusher.go": {"pg_dsn_invalid", "pg_connect_failed", "pg_load_failed"},
	// Field errors passed on from a record's Validate, collected there.
	"app/service/attendee.go":            nil,
	"app/service/contribution_import.go": nil,
	// A year's rules' own field errors (app/rules, collected there).
	"app/service/rules.go": nil,
	// A kept record that is not there.
	"store/kept.go": {"group_not_found", "event_not_found", "decision_not_found", "device_not_found"},
	// Why a batch or a renewal cannot be published or confirmed yet.
	"app/service/level.go": blockedCodes,
}

// blockedCodes are the codes app/rules gives a blocked batch or renewal.
var blockedCodes = []string{"quarter_open", "earlier_unpublished", "batch_empty", "supplement_before_q4", "renewal_early", "renewal_empty"}

// notTranslated are reasons the UI shows another way than by
// errors.reason.<reason>: field errors by each field, the others by code.
var notTranslated = map[string]string{
	"fields":     "the form shows each field's error (fieldErrors.<reason>)",
	"validation": "the form shows each field's error (fieldErrors.<reason>)",
	"internal":   "shown as errors.code.internal; the detail goes to the log",
	"corrupt":    "an internal error: shown as errors.code.internal, the detail logged",
}

// TestEveryErrorReasonIsTranslated follows every reason the Go side puts
// in an app.Error (app.Errorf's reason, an Error's Reason, a field error)
// to its string values, and wants each in both languages of the UI.
func TestEveryErrorReasonIsTranslated(t *testing.T) {
	reasons, fields := errorReasons(t)
	if len(reasons) < 100 {
		t.Fatalf("found only %d reasons: the collector is broken", len(reasons))
	}
	for _, lang := range []string{"zh-CN", "en"} {
		keys := i18nKeys(t, filepath.Join("frontend", "src", "i18n", lang+".ts"))
		for _, r := range slices.Sorted(mapKeys(reasons)) {
			if _, ok := notTranslated[r]; !ok && !keys["errors.reason."+r] {
				t.Errorf("%s: no errors.reason.%s (returned at %s)", lang, r, reasons[r])
			}
		}
		for _, r := range slices.Sorted(mapKeys(fields)) {
			if !keys["fieldErrors."+r] {
				t.Errorf("%s: no fieldErrors.%s (returned at %s)", lang, r, fields[r])
			}
		}
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// errorReasons type-checks every package of the module and returns the
// reasons of errors and of field errors, each with one place it is made.
func errorReasons(t *testing.T) (reasons, fields map[string]string) {
	t.Helper()
	pkgs := loadTyped(t)
	reasons, fields = map[string]string{}, map[string]string{}
	c := &collector{t: t, pkgs: pkgs, calls: map[types.Object][]*ast.CallExpr{}}
	for _, p := range pkgs {
		for _, f := range p.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if fn := calleeOf(p.info, call); fn != nil {
						c.calls[fn] = append(c.calls[fn], call)
					}
				}
				return true
			})
		}
	}
	for _, p := range pkgs {
		for _, f := range p.files {
			var stack []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				switch x := n.(type) {
				case *ast.CallExpr:
					fn := calleeOf(p.info, x)
					if fn == nil || fn.Pkg() == nil {
						return true
					}
					switch {
					case fn.Name() == "Errorf" && fn.Pkg().Path() == "acedesk/app":
						c.add(reasons, p, stack, x.Args[1])
					case fn.Name() == "Add" && fn.Pkg().Path() == "acedesk/app": // FieldErrors.Add(field, reason)
						c.add(fields, p, stack, x.Args[1])
					case fn.Name() == "invalid" && fn.Pkg().Path() == "acedesk/app/rules": // a field of a year's rules
						c.add(fields, p, stack, x.Args[1])
					}
				case *ast.CompositeLit:
					tv := p.info.Types[x]
					if tv.Type == nil {
						return true
					}
					if named, ok := types.Unalias(tv.Type).(*types.Named); !ok || named.Obj().Pkg() == nil ||
						named.Obj().Pkg().Path() != "acedesk/app" || named.Obj().Name() != "Error" {
						return true
					}
					for _, el := range x.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						switch kv.Key.(*ast.Ident).Name {
						case "Reason":
							c.add(reasons, p, stack, kv.Value)
						case "Fields":
							if m, ok := kv.Value.(*ast.CompositeLit); ok {
								for _, fe := range m.Elts {
									c.add(fields, p, stack, fe.(*ast.KeyValueExpr).Value)
								}
							}
						}
					}
				}
				return true
			})
		}
	}
	return reasons, fields
}

type typedPackage struct {
	path  string
	files []*ast.File
	info  *types.Info
	fset  *token.FileSet
}

type collector struct {
	t     *testing.T
	pkgs  []*typedPackage
	calls map[types.Object][]*ast.CallExpr
}

// add records the values e can have, found where stack says it is.
func (c *collector) add(into map[string]string, p *typedPackage, stack []ast.Node, e ast.Expr) {
	pos := p.fset.Position(e.Pos())
	where := strings.TrimPrefix(pos.Filename, mustWD(c.t)+"/") + ":" + strconv.Itoa(pos.Line)
	vals, ok := c.values(p, stack, e, 0)
	if !ok {
		file := strings.TrimPrefix(pos.Filename, mustWD(c.t)+"/")
		listed, found := computedReasons[file]
		if !found {
			c.t.Errorf("%s: a reason the test cannot follow; list what it can be in computedReasons", where)
			return
		}
		vals = listed
	}
	for _, v := range vals {
		if _, seen := into[v]; !seen {
			into[v] = where
		}
	}
}

// values are the strings e can be: a constant, or a parameter of the
// function around it, followed to the arguments of every call of it.
func (c *collector) values(p *typedPackage, stack []ast.Node, e ast.Expr, depth int) ([]string, bool) {
	if tv, ok := p.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []string{constant.StringVal(tv.Value)}, true
	}
	id, ok := e.(*ast.Ident)
	if !ok || depth > 3 {
		return nil, false
	}
	obj, ok := p.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	if vals, ok := c.localConstants(p, stack, obj); ok {
		return vals, true
	}
	fn, index := enclosingParam(p, stack, obj)
	if fn == nil {
		return nil, false
	}
	var out []string
	for _, q := range c.pkgs {
		for _, f := range q.files {
			var inner []ast.Node
			found := true
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					inner = inner[:len(inner)-1]
					return true
				}
				inner = append(inner, n)
				call, ok := n.(*ast.CallExpr)
				if !ok || calleeOf(q.info, call) != fn || index >= len(call.Args) {
					return true
				}
				vs, ok := c.values(q, inner, call.Args[index], depth+1)
				found = found && ok
				out = append(out, vs...)
				return true
			})
			if !found {
				return nil, false
			}
		}
	}
	return out, len(out) > 0
}

// localConstants are the values of a local variable that is only ever
// assigned constants in the function around it.
func (c *collector) localConstants(p *typedPackage, stack []ast.Node, v *types.Var) ([]string, bool) {
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0 && body == nil; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			body = fd.Body
		}
	}
	if body == nil {
		return nil, false
	}
	var out []string
	all := true
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || (p.info.Defs[id] != v && p.info.Uses[id] != v) {
				continue
			}
			tv := p.info.Types[as.Rhs[i]]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				all = false
				continue
			}
			out = append(out, constant.StringVal(tv.Value))
		}
		return true
	})
	return out, all && len(out) > 0
}

// enclosingParam is the function among stack that has v as a parameter,
// and v's index among its parameters.
func enclosingParam(p *typedPackage, stack []ast.Node, v *types.Var) (types.Object, int) {
	for i := len(stack) - 1; i >= 0; i-- {
		fd, ok := stack[i].(*ast.FuncDecl)
		if !ok {
			continue
		}
		index := 0
		for _, field := range fd.Type.Params.List {
			for _, name := range field.Names {
				if p.info.Defs[name] == v {
					return p.info.Defs[fd.Name], index
				}
				index++
			}
		}
		return nil, 0
	}
	return nil, 0
}

func calleeOf(info *types.Info, call *ast.CallExpr) types.Object {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return info.Uses[f]
	case *ast.SelectorExpr:
		return info.Uses[f.Sel]
	case *ast.IndexExpr: // a generic function
		if id, ok := f.X.(*ast.Ident); ok {
			return info.Uses[id]
		}
	}
	return nil
}

// loadTyped type-checks the module's packages (not their tests) against
// the compiler's export data, which go list makes.
func loadTyped(t *testing.T) []*typedPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-export", "-json=ImportPath,Dir,GoFiles,Export,Standard", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type listed struct {
		ImportPath, Dir, Export string
		GoFiles                 []string
		Standard                bool
	}
	exports := map[string]string{}
	var ours []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var l listed
		if err := dec.Decode(&l); err != nil {
			t.Fatal(err)
		}
		exports[l.ImportPath] = l.Export
		if strings.HasPrefix(l.ImportPath, "acedesk") {
			ours = append(ours, l)
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) { return os.Open(exports[path]) })
	var pkgs []*typedPackage
	for _, l := range ours {
		p := &typedPackage{path: l.ImportPath, fset: fset, info: &types.Info{Types: map[ast.Expr]types.TypeAndValue{},
			Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}}
		for _, name := range l.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(l.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			p.files = append(p.files, f)
		}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check(l.ImportPath, fset, p.files, p.info); err != nil {
			t.Fatalf("type-check %s: %v", l.ImportPath, err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// i18nKeys reads the dotted keys of a locale file (nested object keys,
// one per line, two spaces an indent).
func i18nKeys(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	key := regexp.MustCompile(`^( *)(['"]?)([A-Za-z0-9_-]+)(['"]?): *(\{)?`)
	out := map[string]bool{}
	var path_ []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "}," || strings.TrimSpace(line) == "}" {
			if len(path_) > 0 {
				path_ = path_[:len(path_)-1]
			}
			continue
		}
		m := key.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		depth := len(m[1])/2 - 1
		if depth < 0 || depth > len(path_) {
			continue
		}
		path_ = path_[:depth]
		full := strings.Join(append(slices.Clone(path_), m[3]), ".")
		out[full] = true
		if m[5] == "{" && !strings.Contains(line, "}") {
			path_ = append(path_, m[3])
		}
	}
	return out
}

func mustWD(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
