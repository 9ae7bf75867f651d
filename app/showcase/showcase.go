// Package showcase writes the public showcase of level holders (see
// app.Showcase for its JSON shape) as one self-contained HTML page for the
// chapter's website.
package showcase

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"strings"

	"acedesk/app"
)

// Renderer is app.ShowcaseRenderer.
type Renderer struct{}

// HTML is the showcase as a web page.
func (Renderer) HTML(p app.Showcase) ([]byte, error) { return HTML(p) }

//go:embed page.html.tmpl
var pageTemplate string

//go:embed page.css
var pageCSS string

var tmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"initial": initial,
	"notLast": func(i, n int) bool { return i < n-1 },
}).Parse(pageTemplate))

// HTML writes the page as one HTML file that needs nothing else: the
// style is inline and allowed by its hash in the page's Content Security
// Policy, which also forbids scripts and every fetch. Every text is
// escaped by html/template.
func HTML(p app.Showcase) ([]byte, error) {
	sum := sha256.Sum256([]byte(pageCSS))
	csp := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src 'none'; base-uri 'none'; form-action 'none'"
	var b bytes.Buffer
	err := tmpl.Execute(&b, struct {
		app.Showcase
		CSP string
		CSS template.CSS
	}{p, csp, template.CSS(pageCSS)})
	return b.Bytes(), err
}

// initial is the first letter of a name, for the card's monogram.
func initial(name string) string {
	for _, r := range name {
		return strings.ToUpper(string(r))
	}
	return "?"
}
