package app

import "testing"

func TestParseOrgCategory(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		// the seed's own words
		{"用户", "user"}, {"数据库厂商、云厂商", "vendor"}, {"数据库集成、支持服务商", "integrator"},
		{"行业软件开发商", "isv"}, {"硬件厂商", "hardware"}, {"高校", "university"}, {"媒体", "media"},
		{"培训机构", "training"}, {"志愿者", "volunteer"},
		// the UI's labels
		{"用户单位", "user"}, {"数据库与云厂商", "vendor"}, {"集成与服务商", "integrator"}, {"行业软件厂商", "isv"},
		// variants, separators, case and spaces
		{"数据库厂商", "vendor"}, {"云厂商", "vendor"}, {"数据库厂商/云厂商", "vendor"}, {"数据库厂商，云厂商", "vendor"},
		{"集成商", "integrator"}, {"服务商", "integrator"}, {"ISV", "isv"}, {" 大学 ", "university"},
		// keys and English names
		{"user", "user"}, {"Vendor", "vendor"}, {"Database and cloud vendors", "vendor"}, {"Industry Software Vendor", "isv"},
		{"hardware vendor", "hardware"}, {"University", "university"}, {"Training institution", "training"},
		// not a category
		{"银行", ""}, {"", ""}, {"厂商", ""}, {"数据库厂商、硬件厂商", ""},
	} {
		got, ok := ParseOrgCategory(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ParseOrgCategory(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// Every category has the seed's word first and no word names two.
func TestOrgCategoryWordsAreOneToOne(t *testing.T) {
	seen := map[string]string{}
	for _, key := range OrgCategories {
		words := orgCategoryWords[key]
		if len(words) < 2 {
			t.Errorf("%s has words %q", key, words)
		}
		for _, w := range words {
			if other, dup := seen[orgWord(w)]; dup {
				t.Errorf("%q is both %s and %s", w, other, key)
			}
			seen[orgWord(w)] = key
		}
	}
	if len(orgCategoryWords) != len(OrgCategories) {
		t.Errorf("words for %d categories, want %d", len(orgCategoryWords), len(OrgCategories))
	}
}

func TestUnknownOrgCategoryListsTheCategories(t *testing.T) {
	f := FieldErrors{"org_category": "unknown_org_category", "name": "required"}
	want := "check the fields: name is required; org category is not an organisation category; use one of: user (用户), vendor (数据库厂商、云厂商), integrator (数据库集成、支持服务商), isv (行业软件开发商), hardware (硬件厂商), university (高校), media (媒体), training (培训机构), volunteer (志愿者)"
	if got := f.Err().Error(); got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
}
