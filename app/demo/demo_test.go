package demo

import (
	"strings"
	"testing"

	"acedesk/app"
)

func TestDemoMembersAreRealisticAndValid(t *testing.T) {
	ms := Members(DefaultMembers, 2026)
	cats, cities, phones, emails := map[string]int{}, map[string]int{}, map[string]bool{}, map[string]bool{}
	var all strings.Builder
	for _, m := range ms {
		m.Normalize()
		if err := m.Validate(); err != nil {
			t.Fatalf("demo member %+v is invalid: %v", m, err)
		}
		cats[m.OrgCategory]++
		cities[m.City]++
		if phones[m.Phone] || (m.Email != "" && emails[m.Email]) {
			t.Fatalf("duplicate contact in %+v", m)
		}
		phones[m.Phone], emails[m.Email] = true, m.Email != ""
		all.WriteString(m.Name)
	}
	if len(cats) != len(app.OrgCategories) {
		t.Errorf("categories = %d, want all %d", len(cats), len(app.OrgCategories))
	}
	if len(cities) < 8 {
		t.Errorf("cities = %d, want at least 8", len(cities))
	}
	for _, rare := range []string{"喆", "堃", "玥"} {
		if !strings.Contains(all.String(), rare) {
			t.Errorf("no demo name contains %s", rare)
		}
	}
	if a, b := Members(5, 1), Members(5, 1); a[4].Name != b[4].Name || a[4].Phone != b[4].Phone {
		t.Error("the same seed gave different people")
	}
}
