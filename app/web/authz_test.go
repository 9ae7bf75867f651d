package web

import (
	"crypto/sha256"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
)

// The specification of who may call what, written out independently of
// authz.go's table so that a wrong rule there fails here.
var (
	// hubOnlyMethods open dialogs or files on the hub's screen, or control
	// the LAN: nobody on the LAN may call them, admins included.
	hubOnlyMethods = []string{
		"service.SystemService.OpenFile", "service.SystemService.SaveFile",
		"web.LanService.Devices", "web.LanService.NewPairingCode", "web.LanService.Revoke",
		"web.LanService.Start", "web.LanService.Status", "web.LanService.Stop",
	}
	// deskMethods is the event desk of the LAN contract.
	deskMethods = []string{
		"service.EventService.List", "service.EventService.Today", "service.EventService.Get", "service.AttendeeService.Attendees",
		"service.AttendeeService.CheckInSearch", "service.AttendeeService.FrontRow", "service.AttendeeService.CheckIn",
		"service.AttendeeService.UndoCheckIn", "service.AttendeeService.WalkIn", "service.AttendeeService.Register",
		"service.AttendeeService.SpeakerCertificate", "service.AttendeeService.SpeakerPicture", "service.TrustService.Verify", "service.TrustService.VerifyImage",
		"service.SettingsService.Get", "service.AttendeeService.AttendeeQR", "service.AttendeeService.ScanAttendee",
		"service.EventService.Speakers",
	}
	// viewerMethods read and change nothing (beyond making the chapter key
	// on first use).
	viewerMethods = []string{
		"service.BenefitService.List", "service.BenefitService.XLSX", "service.BundleService.MergedChapters",
		"service.CertificateService.List", "service.CertificateService.Revocation",
		"service.ContributionService.ForMember", "service.ContributionService.History", "service.ContributionService.List",
		"service.ContributionService.Points", "service.DashboardService.ForYear", "service.DecisionService.List",
		"service.AttendeeService.AttendeeQR", "service.AttendeeService.Attendees", "service.AttendeeService.CheckInSearch", "service.AttendeeService.FrontRow", "service.EventService.Get",
		"service.EventService.Kinds", "service.EventService.List", "service.EventService.Speakers", "service.AttendeeService.PlaceCards", "service.EventService.Today",
		"service.GroupService.Committees", "service.GroupService.LedBy", "service.GroupService.List",
		"service.LevelService.Batch", "service.LevelService.Batches", "service.LevelService.Holders", "service.LevelService.MemberHoldings", "service.LevelService.Renewal",
		"service.LevelService.Showcase", "service.LevelService.ShowcaseFile",
		"service.MemberService.ByPhone", "service.MemberService.Categories", "service.MemberService.Get", "service.MemberService.History",
		"service.MemberService.Search", "service.RulesService.Get", "service.RulesService.Origin", "service.SettingsService.Get",
		"service.StandingsService.ForYear", "service.SystemService.Info", "service.SystemService.Today", "service.TrophyService.PDF", "service.TrophyService.XLSX",
		"service.TrustService.ChapterKey", "service.TrustService.ExportPublicKey", "service.TrustService.Verify",
		"service.TrustService.VerifyImage", "service.TrustService.VerifyPDF",
	}
)

func TestEveryMethodHasARule(t *testing.T) {
	th := newTestHub(t, true)
	names := th.hub.Names()
	for _, n := range names {
		if _, ok := rules[n]; !ok {
			t.Errorf("%s has no rule in authz.go: decide who may call it", n)
		}
	}
	for n := range rules {
		if !slices.Contains(names, n) {
			t.Errorf("authz.go has a rule for %s, which is not a bound method", n)
		}
	}
	for _, list := range [][]string{hubOnlyMethods, deskMethods, viewerMethods} {
		for _, n := range list {
			if !slices.Contains(names, n) {
				t.Errorf("the specification names %s, which is not a bound method", n)
			}
		}
	}
}

// matrixIdentity is one kind of caller and what it gets for a method.
type matrixIdentity struct {
	name   string
	client *client
	// want is the refusal for name, or 0 when the call must go through.
	want func(method string) (status int, reason string)
}

func always(status int, reason string) func(string) (int, string) {
	return func(string) (int, string) { return status, reason }
}

func allowedIn(list []string) func(string) (int, string) {
	return func(m string) (int, string) {
		if slices.Contains(list, m) {
			return 0, ""
		}
		return 403, "forbidden"
	}
}

func exceptIn(list []string) func(string) (int, string) {
	return func(m string) (int, string) {
		if slices.Contains(list, m) {
			return 403, "forbidden"
		}
		return 0, ""
	}
}

// deviceWithToken stores a device directly, to make one that is expired
// or revoked without moving the shared clock.
func deviceWithToken(t *testing.T, th *testHub, token string, expires time.Time, revoke bool) *client {
	t.Helper()
	d, err := th.store.CreateDevice(app.Device{Name: token, Role: app.RoleAdmin, PairedAt: apptest.Start, ExpiresAt: expires},
		sha256.Sum256([]byte(token)), app.Change{Actor: "t", At: apptest.Start})
	if err != nil {
		t.Fatal(err)
	}
	if revoke {
		th.store.RevokeDevice(d.ID, app.Change{Actor: "t", At: apptest.Start})
	}
	return &client{t: t, th: th, host: lanHost, cookie: token, csrf: th.hub.auth.csrf(token)}
}

func TestAuthorizationMatrix(t *testing.T) {
	th := newTestHub(t, true)
	// An event dated today on the hub clock, so the desk's event scope
	// lets its calls through; a member, so demo data is refused quickly.
	today, err := th.svc.Events.Save(app.Event{Name: "今日聚会", Kind: app.EventCityMeetup, Date: "2026-03-14", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.svc.Members.Create(app.Member{Name: "张三", Phone: "13800000001"}); err != nil {
		t.Fatal(err)
	}
	admin := th.paired(t, app.RoleAdmin, "admin")
	wrongOrigin := *admin
	wrongOrigin.origin = "http://evil.example"
	noCSRF := *admin
	noCSRF.csrf = ""
	identities := []matrixIdentity{
		{"no session", &client{t: t, th: th, host: lanHost}, always(401, "no_session")},
		{"expired", deviceWithToken(t, th, "expired-token", apptest.Start.Add(-time.Hour), false), always(401, "session_expired")},
		{"revoked", deviceWithToken(t, th, "revoked-token", apptest.Start.Add(SessionLifetime), true), always(401, "session_revoked")},
		{"wrong origin", &wrongOrigin, always(403, "origin")},
		{"missing CSRF", &noCSRF, always(403, "csrf")},
		{"viewer", th.paired(t, app.RoleViewer, "viewer"), allowedIn(viewerMethods)},
		{"desk", th.paired(t, app.RoleDesk, "desk"), allowedIn(deskMethods)},
		{"admin", admin, exceptIn(hubOnlyMethods)},
		{"local", th.local(t), always(0, "")},
	}
	for _, name := range th.hub.Names() {
		args := matrixArgs(th.hub.dispatcher.methods[name].args, name, today.ID)
		for _, id := range identities {
			status, body := id.client.call(name, args...)
			wantStatus, wantReason := id.want(name)
			switch {
			case wantStatus == 0 && (status == 401 || status == 403):
				t.Errorf("%s as %s: refused %d %s, want it allowed", name, id.name, status, body)
			case wantStatus != 0 && (status != wantStatus || refusal(body) != wantReason):
				t.Errorf("%s as %s: %d %s, want %d %s", name, id.name, status, body, wantStatus, wantReason)
			}
			// The hub's own Start and Stop switch LAN mode; the matrix
			// needs it on for the devices' requests.
			th.hub.lanOn.Store(true)
		}
	}
	th.hub.Lan.Stop()
}

// matrixArgs are zero arguments of the right types, with today's event
// for an event service's first ID, and a loopback listener for Start so
// the test never opens a port on the network.
func matrixArgs(types []reflect.Type, name string, eventID uint64) []any {
	out := make([]any, len(types))
	for i, ty := range types {
		out[i] = reflect.Zero(ty).Interface()
	}
	switch {
	case name == "web.LanService.Start":
		out[0] = LanOptions{Listen: "127.0.0.1:0"}
	case len(types) > 0 && types[0].Kind() == reflect.Uint64 && slices.Contains(deskMethods, name):
		out[0] = eventID
	}
	return out
}

func TestDesksWorkOnlyOnTodaysEventsAndAsThemselves(t *testing.T) {
	th := newTestHub(t, true)
	m, err := th.svc.Members.Create(app.Member{Name: "陈堃", Phone: "13800000002"})
	if err != nil {
		t.Fatal(err)
	}
	today, _ := th.svc.Events.Save(app.Event{Name: "今日", Kind: app.EventCityMeetup, Date: "2026-03-14", City: "杭州"})
	tomorrow, _ := th.svc.Events.Save(app.Event{Name: "明日", Kind: app.EventCityMeetup, Date: "2026-03-15", City: "杭州"})
	desk := th.paired(t, app.RoleDesk, "门口 1")
	viewer := th.paired(t, app.RoleViewer, "看板")
	for _, tc := range []struct {
		name       string
		c          *client
		method     string
		args       []any
		wantStatus int
	}{
		{"desk reads today's attendees", desk, "service.AttendeeService.Attendees", []any{today.ID}, 200},
		{"desk reads tomorrow's attendees", desk, "service.AttendeeService.Attendees", []any{tomorrow.ID}, 403},
		{"desk checks in at tomorrow's event", desk, "service.AttendeeService.CheckIn", []any{tomorrow.ID, m.ID, 0, "x"}, 403},
		{"desk reads an unknown event", desk, "service.EventService.Get", []any{999}, 404},
		{"desk with a non-numeric event", desk, "service.EventService.Get", []any{"1"}, 400},
		{"viewer reads tomorrow's attendees", viewer, "service.AttendeeService.Attendees", []any{tomorrow.ID}, 200},
		{"viewer checks in today", viewer, "service.AttendeeService.CheckIn", []any{today.ID, m.ID, 0, "x"}, 403},
		{"desk checks in today, claiming another device", desk, "service.AttendeeService.CheckIn", []any{today.ID, m.ID, 0, "管理员的电脑"}, 200},
	} {
		status, body := tc.c.call(tc.method, tc.args...)
		if status != tc.wantStatus {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.wantStatus)
		}
	}
	rows, _ := th.svc.Attendees.Attendees(today.ID)
	if len(rows) != 1 || rows[0].Device != "门口 1" {
		t.Errorf("attendees = %+v, want one checked in by the device 门口 1 (the server sets the device name)", rows)
	}
	status, body := desk.call("service.EventService.Today")
	var list []app.Event
	json.Unmarshal(body, &list)
	if status != 200 || len(list) != 1 || list[0].ID != today.ID {
		t.Errorf("Today for the desk: %d %s, want only %s", status, body, today.Name)
	}
}
