package store

import (
	"fmt"
	"testing"

	"acedesk/app"
	"acedesk/app/demo"
)

func TestSearchMatchesEveryFieldAndPages(t *testing.T) {
	s := openTemp(t)
	people := []app.Member{
		{Name: "王喆", NameLatin: "Wang Zhe", Phone: "13800000001", Email: "zhe@example.com", Organization: "云象数据库"},
		{Name: "李堃", NameLatin: "Li Kun", Phone: "13800000002", Email: "kun@example.org", Organization: "某理工大学"},
		{Name: "赵玥", NameLatin: "Zhao Yue", Phone: "+85291234567", Email: "yue@example.net", Organization: "云象数据库"},
	}
	for _, m := range people {
		if _, err := s.CreateMember(m, change); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", []string{"李堃", "王喆", "赵玥"}}, // pinyin order
		{"喆", []string{"王喆"}},
		{"wang", []string{"王喆"}},
		{"LI KUN", []string{"李堃"}},
		{"likun", []string{"李堃"}},
		{"138 0000 0002", []string{"李堃"}},
		{"+852", []string{"赵玥"}},
		{"EXAMPLE.NET", []string{"赵玥"}},
		{"云象", []string{"王喆", "赵玥"}},
		{"云象 zhao", []string{"赵玥"}},
		{"nobody", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			page, err := s.SearchMembers(app.MemberQuery{Text: tc.text, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range page.Items {
				got = append(got, m.Name)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) || page.Total != len(tc.want) {
				t.Errorf("got %v (total %d), want %v", got, page.Total, tc.want)
			}
		})
	}

	page, _ := s.SearchMembers(app.MemberQuery{Offset: 1, Limit: 1})
	if page.Total != 3 || len(page.Items) != 1 || page.Items[0].Name != "王喆" {
		t.Errorf("second page of one = %+v, want 王喆 of 3", page)
	}
}

func TestArchivedMembersLeaveTheRosterButNotTheArchive(t *testing.T) {
	s := openTemp(t)
	m, _ := s.CreateMember(app.Member{Name: "归档者", Phone: "13800000003"}, change)
	m.Archived = true
	if _, err := s.UpdateMember(m, app.ActionArchive, change); err != nil {
		t.Fatal(err)
	}
	roster, _ := s.SearchMembers(app.MemberQuery{Limit: 10})
	archive, _ := s.SearchMembers(app.MemberQuery{Archived: true, Limit: 10})
	if roster.Total != 0 || archive.Total != 1 {
		t.Errorf("roster %d, archive %d; want 0 and 1", roster.Total, archive.Total)
	}
	if n, _ := s.CountMembers(); n != 1 {
		t.Errorf("count = %d, want 1 (archived members are kept)", n)
	}
}

// roster10k is a database with 10,000 demo members, for benchmarks.
func roster10k(b *testing.B) *Store {
	s, err := Open(b.TempDir()+"/bench.db", Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.CreateMembersAndContributions(demo.Members(10000, 7), nil, change); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkSearch10k(b *testing.B) {
	s := roster10k(b)
	for _, text := range []string{"", "王", "zhang wei", "1380", "example.com", "云象", "nobody-matches"} {
		b.Run(fmt.Sprintf("q=%q", text), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchMembers(app.MemberQuery{Text: text, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
