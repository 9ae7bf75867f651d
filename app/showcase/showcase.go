// Package showcase writes the public list of the program's level holders
// for the chapter's website: as JSON for a site generator, and as one
// self-contained HTML page.
//
// The JSON shape (format "acedesk-showcase", version 1) is stable; new
// fields may be added, none renamed or removed within a version:
//
//	{
//	  "format": "acedesk-showcase", "version": 1,
//	  "chapter": {"name_zh": "…", "name_en": "…"},
//	  "year": 2026, "generated_on": "2026-03-31", "total": 42,
//	  "levels": [                          // director, ace, partner; empty ones left out
//	    {"level": "director", "label_zh": "PostgreSQL ACE 总监", "label_en": "PostgreSQL ACE Director",
//	     "count": 3,
//	     "cities": [                       // most holders first, then by name; "" is no city
//	       {"city": "杭州", "count": 2,
//	        "people": [{"name": "…", "name_latin": "…", "level": "director", "city": "杭州",
//	                    "organization": "…", "bio": "…"}]}]}]
//	}
//
// A person carries only what the program makes public: never a phone,
// email, WeChat ID or address.
package showcase

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"slices"
	"strings"
)

// Format and Version name the JSON shape.
const (
	Format  = "acedesk-showcase"
	Version = 1
)

// Page is the whole showcase.
type Page struct {
	Format      string  `json:"format"`
	Version     int     `json:"version"`
	Chapter     Chapter `json:"chapter"`
	Year        int     `json:"year"`
	GeneratedOn string  `json:"generated_on"`
	Total       int     `json:"total"`
	Levels      []Level `json:"levels"`
}

// Chapter is who publishes the list.
type Chapter struct {
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// Level is everyone holding one level, by city.
type Level struct {
	Level   string `json:"level"`
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
	Count   int    `json:"count"`
	Cities  []City `json:"cities"`
}

// City is the holders of a level in one city.
type City struct {
	City   string   `json:"city"`
	Count  int      `json:"count"`
	People []Person `json:"people"`
}

// Person is one holder, as the public may see them.
type Person struct {
	Name         string `json:"name"`
	NameLatin    string `json:"name_latin"`
	Level        string `json:"level"`
	City         string `json:"city"`
	Organization string `json:"organization"`
	Bio          string `json:"bio"`
}

// LevelInfo describes a level for Build, highest first.
type LevelInfo struct{ Key, LabelZH, LabelEN string }

// Build groups people into levels (in the order given) and cities.
func Build(chapter Chapter, year int, generatedOn string, levels []LevelInfo, people []Person) Page {
	p := Page{Format: Format, Version: Version, Chapter: chapter, Year: year, GeneratedOn: generatedOn, Levels: []Level{}}
	for _, info := range levels {
		byCity := map[string][]Person{}
		for _, x := range people {
			if x.Level == info.Key {
				byCity[x.City] = append(byCity[x.City], x)
			}
		}
		if len(byCity) == 0 {
			continue
		}
		l := Level{Level: info.Key, LabelZH: info.LabelZH, LabelEN: info.LabelEN}
		for city, ps := range byCity {
			slices.SortFunc(ps, func(a, b Person) int {
				return strings.Compare(sortKey(a), sortKey(b))
			})
			l.Cities = append(l.Cities, City{City: city, Count: len(ps), People: ps})
			l.Count += len(ps)
		}
		slices.SortFunc(l.Cities, func(a, b City) int {
			switch {
			case (a.City == "") != (b.City == ""): // no city goes last
				if a.City == "" {
					return 1
				}
				return -1
			case a.Count != b.Count:
				return b.Count - a.Count
			}
			return strings.Compare(a.City, b.City)
		})
		p.Levels = append(p.Levels, l)
		p.Total += l.Count
	}
	return p
}

// sortKey orders people by Latin name (which follows pinyin), else name.
func sortKey(p Person) string {
	if p.NameLatin != "" {
		return strings.ToLower(p.NameLatin) + "\x00" + p.Name
	}
	return "\uffff" + p.Name
}

// JSON writes the page as indented JSON.
func JSON(p Page) ([]byte, error) {
	return json.MarshalIndent(p, "", "  ")
}

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
func HTML(p Page) ([]byte, error) {
	sum := sha256.Sum256([]byte(pageCSS))
	csp := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src 'none'; base-uri 'none'; form-action 'none'"
	var b bytes.Buffer
	err := tmpl.Execute(&b, struct {
		Page
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
