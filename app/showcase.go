package app

import (
	"slices"
	"strings"

	"acedesk/app/rules"
)

// Showcase is the public list of the program's level holders, for the
// chapter's website (app/showcase writes it as HTML). Its JSON shape (format "acedesk-showcase", version 1)
// is stable; new fields may be added, none renamed or removed within a version:
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
type Showcase struct {
	Format      string          `json:"format"`
	Version     int             `json:"version"`
	Chapter     ShowcaseChapter `json:"chapter"`
	Year        int             `json:"year"`
	GeneratedOn string          `json:"generated_on"`
	Total       int             `json:"total"`
	Levels      []ShowcaseLevel `json:"levels"`
}

// ShowcaseFormat and ShowcaseVersion name the showcase's JSON shape.
const (
	ShowcaseFormat  = "acedesk-showcase"
	ShowcaseVersion = 1
)

// ShowcaseChapter is who publishes the list.
type ShowcaseChapter struct {
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// ShowcaseLevel is everyone holding one level, by city.
type ShowcaseLevel struct {
	Level   string         `json:"level"`
	LabelZH string         `json:"label_zh"`
	LabelEN string         `json:"label_en"`
	Count   int            `json:"count"`
	Cities  []ShowcaseCity `json:"cities"`
}

// ShowcaseCity is the holders of a level in one city.
type ShowcaseCity struct {
	City   string           `json:"city"`
	Count  int              `json:"count"`
	People []ShowcasePerson `json:"people"`
}

// ShowcasePerson is one holder, as the public may see them.
type ShowcasePerson struct {
	Name         string `json:"name"`
	NameLatin    string `json:"name_latin"`
	Level        string `json:"level"`
	City         string `json:"city"`
	Organization string `json:"organization"`
	Bio          string `json:"bio"`
}

// ShowcaseRenderer writes the showcase as a web page (app/showcase).
type ShowcaseRenderer interface {
	HTML(Showcase) ([]byte, error)
}

// BuildShowcase groups people into levels (in the order given) and cities.
func BuildShowcase(chapter ShowcaseChapter, year int, generatedOn string, levels []rules.Level, people []ShowcasePerson) Showcase {
	p := Showcase{Format: ShowcaseFormat, Version: ShowcaseVersion, Chapter: chapter, Year: year, GeneratedOn: generatedOn, Levels: []ShowcaseLevel{}}
	for _, info := range levels {
		byCity := map[string][]ShowcasePerson{}
		for _, x := range people {
			if x.Level == string(info) {
				byCity[x.City] = append(byCity[x.City], x)
			}
		}
		if len(byCity) == 0 {
			continue
		}
		l := ShowcaseLevel{Level: string(info), LabelZH: info.LabelZH(), LabelEN: info.LabelEN()}
		for city, ps := range byCity {
			slices.SortFunc(ps, func(a, b ShowcasePerson) int {
				return strings.Compare(showcaseSortKey(a), showcaseSortKey(b))
			})
			l.Cities = append(l.Cities, ShowcaseCity{City: city, Count: len(ps), People: ps})
			l.Count += len(ps)
		}
		slices.SortFunc(l.Cities, func(a, b ShowcaseCity) int {
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

// showcaseSortKey orders people by Latin name (which follows pinyin), else name.
func showcaseSortKey(p ShowcasePerson) string {
	if p.NameLatin != "" {
		return strings.ToLower(p.NameLatin) + "\x00" + p.Name
	}
	return "\uffff" + p.Name
}
