package main

import (
	"bufio"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestImportsFollowArchitecture holds the code to the picture in
// ARCHITECTURE.md: every package and library is in its tables, and every
// import of ACE Desk's packages (desktop build included) is one the
// tables allow.
func TestImportsFollowArchitecture(t *testing.T) {
	mayImport, libraries := architectureTables(t)
	imports := goImports(t)
	for pkg, deps := range imports {
		allowed, listed := mayImport[pkg]
		if !listed {
			t.Errorf("%s is not in ARCHITECTURE.md's table of packages: place it in a ring", pkg)
			continue
		}
		for _, dep := range deps {
			switch {
			case strings.HasPrefix(dep, "acedesk"):
				if !allowed[dep] && !allowed["*"] {
					t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", pkg, dep)
				}
			case isLibrary(dep):
				for lib, homes := range libraries {
					if (dep == lib || strings.HasPrefix(dep, lib+"/")) && !homes[pkg] {
						t.Errorf("%s imports %s, which ARCHITECTURE.md keeps to %v", pkg, dep, slices.Sorted(maps.Keys(homes)))
					}
				}
				if pkg == "acedesk/app" && !strings.HasPrefix(dep, "golang.org/x/text/") {
					t.Errorf("the domain imports %s: only the standard library and golang.org/x/text", dep)
				}
			}
		}
	}
	for pkg := range mayImport {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("ARCHITECTURE.md lists %s, which does not exist", pkg)
		}
	}
}

// architectureTables reads ARCHITECTURE.md: the packages with what each
// may import of ACE Desk, and the libraries with the packages they may
// be imported in.
func architectureTables(t *testing.T) (map[string]map[string]bool, map[string]map[string]bool) {
	t.Helper()
	f, err := os.Open("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	code := regexp.MustCompile("`([^`]+)`")
	full := func(p string) string {
		if p == "acedesk" || strings.HasPrefix(p, "acedesk/") {
			return p
		}
		return "acedesk/" + p
	}
	pkgs, libs := map[string]map[string]bool{}, map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		first := code.FindStringSubmatch(cells[1])[1]
		last := cells[len(cells)-2]
		names := map[string]bool{}
		for _, m := range code.FindAllStringSubmatch(last, -1) {
			names[full(m[1])] = true
		}
		switch len(cells) {
		case 4: // | library | only in |
			libs[first] = names
		case 5: // | package | is | may import |
			if strings.Contains(last, "everything") || strings.Contains(last, "the adapters") {
				names["*"] = true
			}
			pkgs[full(first)] = names
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 || len(libs) < 5 {
		t.Fatalf("read %d packages and %d libraries from ARCHITECTURE.md: are its tables there?", len(pkgs), len(libs))
	}
	return pkgs, libs
}

// goImports lists each package's imports, those of the desktop build too.
func goImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tags := range []string{"", "desktop"} {
		cmd := exec.Command("go", "list", "-tags", tags, "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
		data, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			fields := strings.Fields(line)
			for _, dep := range fields[1:] {
				if !slices.Contains(out[fields[0]], dep) {
					out[fields[0]] = append(out[fields[0]], dep)
				}
			}
			if out[fields[0]] == nil {
				out[fields[0]] = []string{}
			}
		}
	}
	return out
}

// isLibrary: an import from outside the standard library and ACE Desk.
func isLibrary(path string) bool {
	return strings.Contains(strings.SplitN(path, "/", 2)[0], ".")
}
