package app_test

import (
	"strings"
	"testing"

	"acedesk/app"
)

func TestTodayListsOnlyTheEventsDatedToday(t *testing.T) {
	p := newProgram(t)
	for _, date := range []string{"2026-03-13", "2026-03-14", "2026-03-14", "2026-03-15", "2025-03-14"} {
		if _, err := p.svc.Events.Save(app.Event{Name: "聚会 " + date, Kind: app.EventCityMeetup, Date: date, City: "杭州"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		on   string
		want int
	}{
		{"2026-03-14", 2},
		{"2026-03-15", 1},
		{"2026-03-16", 0},
		{"2025-03-14", 1},
	} {
		p.on(tc.on)
		got, err := p.svc.Events.Today()
		if err != nil || len(got) != tc.want {
			t.Errorf("on %s: %d events (%v), want %d", tc.on, len(got), err, tc.want)
		}
		for _, e := range got {
			if e.Date != tc.on {
				t.Errorf("on %s: listed %s of %s", tc.on, e.Name, e.Date)
			}
		}
	}
}

func TestSpeakerCertificateIsTheSpeakersThanksPDF(t *testing.T) {
	p := newProgram(t)
	speaker := p.member("林静")
	other := p.member("王喆")
	e, err := p.svc.Events.Save(app.Event{Name: "天天象上·杭州", Kind: app.EventRegionalSummit, Date: "2026-03-14", City: "杭州",
		Talks: []app.Talk{{MemberID: speaker.ID, Title: "深入理解 MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.svc.Events.SpeakerCertificate(e.ID, speaker.ID)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, f.Data); !strings.Contains(text, "林静") || !strings.HasSuffix(f.Name, ".pdf") {
		t.Errorf("%s lacks the speaker's name:\n%s", f.Name, text)
	}
	again, _ := p.svc.Events.SpeakerCertificate(e.ID, speaker.ID)
	if list, _ := p.svc.Certificates.List(); len(list) != 1 || again.Name != f.Name {
		t.Errorf("printing again issued %d certificates (%s, %s), want the same one", len(list), f.Name, again.Name)
	}
	for _, tc := range []struct {
		name          string
		event, member uint64
		wantReason    string
	}{
		{"not a speaker", e.ID, other.ID, "no_certificate_for_member"},
		{"no such event", 999, speaker.ID, "event_not_found"},
	} {
		if _, err := p.svc.Events.SpeakerCertificate(tc.event, tc.member); reasonOf(err) != tc.wantReason {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.wantReason)
		}
	}
}
