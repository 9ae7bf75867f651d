package showcase

import (
	"strings"
	"testing"
)

func TestBuildOrdersLevelsCitiesAndPeople(t *testing.T) {
	levels := []LevelInfo{{"director", "总监", "Director"}, {"ace", "ACE", "ACE"}, {"partner", "伙伴", "Partner"}}
	people := []Person{
		{Name: "无城", Level: "partner"},
		{Name: "乙", NameLatin: "Yi", Level: "partner", City: "北京"},
		{Name: "甲", NameLatin: "jia", Level: "partner", City: "北京"},
		{Name: "丙", Level: "partner", City: "北京"},
		{Name: "丁", NameLatin: "Ding", Level: "partner", City: "上海"},
		{Name: "戊", NameLatin: "Wu", Level: "director", City: "杭州"},
		{Name: "己", NameLatin: "Ji", Level: "none", City: "杭州"},
	}
	p := Build(Chapter{NameZH: "分会"}, 2026, "2026-03-31", levels, people)
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
	if p.Total != 6 || p.Levels[1].Count != 5 || p.Levels[1].Cities[0].Count != 3 || p.Format != Format || p.Version != Version {
		t.Errorf("counts or header wrong: %+v", p)
	}
}

func TestHTMLOfNoHolders(t *testing.T) {
	out, err := HTML(Build(Chapter{NameZH: "分会"}, 2026, "2026-03-31", nil, nil))
	if err != nil || !strings.Contains(string(out), "暂无荣誉成员") || strings.Contains(string(out), `class="card"`) {
		t.Errorf("HTML = %s, %v", out, err)
	}
	j, err := JSON(Build(Chapter{}, 2026, "2026-03-31", nil, nil))
	if err != nil || !strings.Contains(string(j), `"levels": []`) {
		t.Errorf("JSON = %s, %v", j, err)
	}
}
