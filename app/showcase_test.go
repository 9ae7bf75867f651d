package app

import (
	"encoding/json"
	"strings"
	"testing"

	"acedesk/app/rules"
)

func TestBuildOrdersLevelsCitiesAndPeople(t *testing.T) {
	levels := []rules.Level{rules.LevelDirector, rules.LevelACE, rules.LevelPartner}
	people := []ShowcasePerson{
		{Name: "无城", Level: "partner"},
		{Name: "乙", NameLatin: "Yi", Level: "partner", City: "北京"},
		{Name: "甲", NameLatin: "jia", Level: "partner", City: "北京"},
		{Name: "丙", Level: "partner", City: "北京"},
		{Name: "丁", NameLatin: "Ding", Level: "partner", City: "上海"},
		{Name: "戊", NameLatin: "Wu", Level: "director", City: "杭州"},
		{Name: "己", NameLatin: "Ji", Level: "none", City: "杭州"},
	}
	p := BuildShowcase(ShowcaseChapter{NameZH: "分会"}, 2026, "2026-03-31", levels, people)
	var got []string
	for _, l := range p.Levels {
		for _, c := range l.Cities {
			names := make([]string, len(c.People))
			for i, x := range c.People {
				names[i] = x.Name
			}
			got = append(got, l.Level+"/"+c.City+":"+strings.Join(names, ","))
		}
	}
	// ACE has nobody and is left out; within a level the biggest city comes
	// first and no city last; people go by Latin name, those without last.
	want := []string{"director/杭州:戊", "partner/北京:甲,乙,丙", "partner/上海:丁", "partner/:无城"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if p.Total != 6 || p.Levels[1].Count != 5 || p.Levels[1].Cities[0].Count != 3 || p.Format != ShowcaseFormat || p.Version != ShowcaseVersion {
		t.Errorf("counts or header wrong: %+v", p)
	}
}

// A showcase of no holders lists no levels, as an empty list rather than
// null, so that a site generator can loop over it.
func TestShowcaseOfNoHoldersHasAnEmptyList(t *testing.T) {
	j, err := json.Marshal(BuildShowcase(ShowcaseChapter{}, 2026, "2026-03-31", nil, nil))
	if err != nil || !strings.Contains(string(j), `"levels":[]`) {
		t.Errorf("JSON = %s, %v", j, err)
	}
}
