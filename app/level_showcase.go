package app

import (
	"strconv"

	"acedesk/app/rules"
	"acedesk/app/showcase"
)

// showcaseLevels are the levels the website lists, highest first.
var showcaseLevels = []rules.Level{rules.LevelDirector, rules.LevelACE, rules.LevelPartner}

// Showcase is the public list of who holds a level in year (0: this
// year), by level and city, for the chapter's website. Archived members
// are left out; contact details never go in.
func (s *LevelService) Showcase(year int) (showcase.Page, error) {
	today := s.today()
	if year == 0 {
		year = today.Year()
	}
	if year < 2000 || year > 2999 {
		return showcase.Page{}, Errorf(CodeInvalid, "invalid_year", "%d is not a year", year).WithParams("year", strconv.Itoa(year))
	}
	holdings, err := s.repo.Holdings()
	if err != nil {
		return showcase.Page{}, err
	}
	var people []showcase.Person
	for _, h := range holdings {
		if !h.HeldIn(year) || rules.Level(h.Level).Rank() == 0 {
			continue
		}
		m, err := s.repo.GetMember(h.MemberID)
		if err != nil {
			return showcase.Page{}, err
		}
		if m.Archived {
			continue
		}
		people = append(people, showcase.Person{Name: m.Name, NameLatin: m.NameLatin, Level: h.Level, City: m.City,
			Organization: m.Organization, Bio: m.Bio})
	}
	setup, ok, err := s.repo.GetCertificateSetup()
	if err != nil {
		return showcase.Page{}, err
	}
	if !ok {
		setup = DefaultCertificateSetup()
	}
	levels := make([]showcase.LevelInfo, len(showcaseLevels))
	for i, l := range showcaseLevels {
		levels[i] = showcase.LevelInfo{Key: string(l), LabelZH: l.LabelZH(), LabelEN: l.LabelEN()}
	}
	return showcase.Build(showcase.Chapter{NameZH: setup.IssuerZH, NameEN: setup.IssuerEN}, year,
		today.Format(DateLayout), levels, people), nil
}

// ShowcaseFile is the showcase of year as a file to save: format "json"
// or "html".
func (s *LevelService) ShowcaseFile(year int, format string) (FileResult, error) {
	if format != "json" && format != "html" {
		return FileResult{}, Errorf(CodeInvalid, "invalid_format", "format %q: use json or html", format).WithParams("format", format)
	}
	p, err := s.Showcase(year)
	if err != nil {
		return FileResult{}, err
	}
	name := "pgace-showcase-" + strconv.Itoa(p.Year) + "." + format
	var data []byte
	if format == "json" {
		data, err = showcase.JSON(p)
	} else {
		data, err = showcase.HTML(p)
	}
	return FileResult{Name: name, Data: data}, err
}
