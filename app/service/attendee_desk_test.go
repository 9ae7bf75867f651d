package service_test

import (
	"bytes"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/service"
	"acedesk/app/sign"
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

// The desk names every speaker, registered to attend or not, in the
// event's order, from the roster it may not read itself.
func TestSpeakersAreNamedWhetherOrNotTheyRegistered(t *testing.T) {
	p := newProgram(t)
	registered, walkedOn := p.member("林静"), p.member("司马昇")
	e, err := p.svc.Events.Save(app.Event{Name: "技术峰会全国行·杭州站", Kind: app.EventRegionalSummit, Date: "2026-03-14", City: "杭州",
		Talks: []app.Talk{{MemberID: walkedOn.ID, Title: "分区表实践"}, {MemberID: registered.ID, Title: "深入理解 MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Attendees.Register(e.ID, registered.ID); err != nil {
		t.Fatal(err)
	}
	got, err := p.svc.Events.Speakers(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []service.Speaker{{MemberID: walkedOn.ID, Name: "司马昇", Title: "分区表实践"}, {MemberID: registered.ID, Name: "林静", Title: "深入理解 MVCC"}}
	if !slices.Equal(got, want) {
		t.Errorf("speakers = %+v, want %+v", got, want)
	}
	if _, err := p.svc.Events.Speakers(e.ID + 1); app.AsError(err).Reason != "event_not_found" {
		t.Errorf("speakers of no event: %v, want event_not_found", err)
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
	f, err := p.svc.Attendees.SpeakerCertificate(e.ID, speaker.ID)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, f.Data); !strings.Contains(text, "林静") || !strings.HasSuffix(f.Name, ".pdf") {
		t.Errorf("%s lacks the speaker's name:\n%s", f.Name, text)
	}
	again, _ := p.svc.Attendees.SpeakerCertificate(e.ID, speaker.ID)
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
		if _, err := p.svc.Attendees.SpeakerCertificate(tc.event, tc.member); reasonOf(err) != tc.wantReason {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.wantReason)
		}
	}
}

// pngOf decodes a PNG data URL.
func pngOf(t *testing.T, dataURL string) []byte {
	t.Helper()
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(dataURL, "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestAttendeeQRCodesAreFoundByScanningAPhoto(t *testing.T) {
	p := newProgram(t)
	guest, stranger := p.member("林静"), p.member("王喆")
	e, err := p.svc.Events.Save(app.Event{Name: "今日", Kind: app.EventCityMeetup, Date: "2026-03-14", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := p.svc.Events.Save(app.Event{Name: "明日", Kind: app.EventCityMeetup, Date: "2026-03-15", City: "杭州"})
	for _, ev := range []uint64{e.ID, other.ID} {
		if _, err := p.svc.Attendees.Register(ev, guest.ID); err != nil {
			t.Fatal(err)
		}
	}
	qr, err := p.svc.Attendees.AttendeeQR(e.ID, guest.ID)
	if err != nil {
		t.Fatal(err)
	}
	if texts, err := sign.PayloadsFromImage(bytes.NewReader(pngOf(t, qr))); err != nil || len(texts) != 1 || texts[0] != service.AttendeeCode(e.ID, guest.ID) {
		t.Errorf("the QR code reads %v (%v), want %s", texts, err, service.AttendeeCode(e.ID, guest.ID))
	}
	if _, err := p.svc.Attendees.AttendeeQR(e.ID, stranger.ID); reasonOf(err) != "attendee_not_found" {
		t.Errorf("QR of someone not registered: %v, want attendee_not_found", err)
	}
	otherQR, _ := p.svc.Attendees.AttendeeQR(other.ID, guest.ID)
	notACode, _ := sign.Codes{}.QRDataURL("https://example.com/")
	for _, tc := range []struct {
		name        string
		photo       []byte
		wantMembers []uint64
		wantReason  string
	}{
		{"this event's code", pngOf(t, qr), []uint64{guest.ID}, ""},
		{"another event's code", pngOf(t, otherQR), []uint64{}, ""},
		{"some other QR code", pngOf(t, notACode), []uint64{}, ""},
		{"not an image", []byte("hello"), nil, "unreadable_file"},
	} {
		rows, err := p.svc.Attendees.ScanAttendee(e.ID, "photo.png", tc.photo)
		var got []uint64
		if err == nil {
			got = []uint64{}
		}
		for _, r := range rows {
			got = append(got, r.MemberID)
		}
		if reasonOf(err) != tc.wantReason || !slices.Equal(got, tc.wantMembers) {
			t.Errorf("%s: %v, %v; want %v, %q", tc.name, got, err, tc.wantMembers, tc.wantReason)
		}
	}
	if _, err := p.svc.Attendees.ScanAttendee(999, "photo.png", pngOf(t, qr)); reasonOf(err) != "event_not_found" {
		t.Errorf("unknown event: %v", err)
	}
}
