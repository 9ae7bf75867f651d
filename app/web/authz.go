package web

import (
	"encoding/json"

	"acedesk/app"
)

// roleSet says which paired roles may call a method. The hub itself
// (local) may call every method that has a rule.
type roleSet uint8

const (
	viewer roleSet = 1 << iota
	desk
	admin
)

func roleOf(r string) roleSet {
	switch r {
	case app.RoleViewer:
		return viewer
	case app.RoleDesk:
		return desk
	case app.RoleAdmin:
		return admin
	}
	return 0
}

// noArg marks a rule without an event or device argument.
const noArg = -1

// rule is who may call one method, and which of its arguments the server
// checks or sets.
type rule struct {
	roles roleSet
	// event is the index of an event ID argument: a desk may only touch
	// events dated today on the hub's clock.
	event int
	// device is the index of the device-name argument, which the server
	// sets to the session's device name whatever the client sent.
	device int
}

var (
	hubOnly = rule{roles: 0, event: noArg, device: noArg}
	adminRW = rule{roles: admin, event: noArg, device: noArg}
	readAll = rule{roles: viewer | admin, event: noArg, device: noArg}
	// deskRO is what a desk also reads, outside any event.
	deskRO = rule{roles: viewer | desk | admin, event: noArg, device: noArg}
)

// deskRead reads one event: desks only today's.
func deskRead(event int) rule { return rule{roles: viewer | desk | admin, event: event, device: noArg} }

// deskWrite changes one event's door: desks only today's, never viewers.
func deskWrite(event, device int) rule {
	return rule{roles: desk | admin, event: event, device: device}
}

// rules is the authorization table. A method missing here is refused to
// everyone, the hub included, and TestEveryMethodHasARule fails.
var rules = map[string]rule{
	"service.BenefitService.List": readAll,
	"service.BenefitService.XLSX": readAll,

	"service.BundleService.ConflictsFile":  adminRW,
	"service.BundleService.ExportResult":   adminRW,
	"service.BundleService.MergeOutcomes":  adminRW,
	"service.BundleService.MergedChapters": readAll,
	"service.BundleService.StartExport":    adminRW,
	"service.BundleService.StartMerge":     adminRW,

	// Issuing (ForX) writes serials and counts prints.
	"service.CertificateService.ForBatch":   adminRW,
	"service.CertificateService.ForEvent":   adminRW,
	"service.CertificateService.ForLead":    adminRW,
	"service.CertificateService.ForLeads":   adminRW,
	"service.CertificateService.ForMember":  adminRW,
	"service.CertificateService.ForRenewal": adminRW,
	"service.CertificateService.List":       readAll,
	"service.CertificateService.OpenBadge":  adminRW,
	"service.CertificateService.Preview":    adminRW,
	"service.CertificateService.Picture":    adminRW,
	"service.CertificateService.Print":      adminRW,
	"service.CertificateService.Render":     adminRW,
	"service.CertificateService.Revocation": readAll,
	"service.CertificateService.Revoke":     adminRW,
	"service.CertificateService.SaveSetup":  adminRW,
	// The setup holds the seal and signature images: enough to forge paper.
	"service.CertificateService.Setup": adminRW,

	"service.ContributionImportService.Apply":   adminRW,
	"service.ContributionImportService.Preview": adminRW,

	"service.ContributionService.Approve":   adminRW,
	"service.ContributionService.Create":    adminRW,
	"service.ContributionService.Delete":    adminRW,
	"service.ContributionService.ForMember": readAll,
	"service.ContributionService.History":   readAll,
	"service.ContributionService.List":      readAll,
	"service.ContributionService.Points":    readAll,
	"service.ContributionService.Reject":    adminRW,
	"service.ContributionService.Update":    adminRW,
	"service.ContributionService.Withdraw":  adminRW,

	"service.DashboardService.ForYear": readAll,

	"service.DecisionService.Create":   adminRW,
	"service.DecisionService.List":     readAll,
	"service.DecisionService.Withdraw": adminRW,

	"service.AttendeeService.AttendeeQR":    deskRead(0),
	"service.AttendeeService.Attendees":     deskRead(0),
	"service.AttendeeService.CheckIn":       deskWrite(0, 3),
	"service.AttendeeService.CheckInSearch": deskRead(0),
	"service.EventService.Delete":           adminRW,
	"service.AttendeeService.FrontRow":      deskRead(0),
	"service.EventService.Get":              deskRead(0),
	"service.EventService.Kinds":            readAll,
	"service.EventService.List":             deskRO,
	"service.AttendeeService.PlaceCards":    readAll,
	"service.AttendeeService.Register":      deskWrite(0, noArg),
	"service.EventService.Save":             adminRW,
	"service.EventService.Speakers":         deskRead(0),
	// The desk's scan by photo; decoding photos costs the hub CPU, and a
	// viewer has no door to keep.
	"service.AttendeeService.ScanAttendee":       {roles: desk | admin, event: 0, device: noArg},
	"service.AttendeeService.SpeakerCertificate": deskWrite(0, noArg),
	"service.AttendeeService.SpeakerPicture":     deskWrite(0, noArg),
	"service.EventService.Today":                 deskRO,
	"service.AttendeeService.UndoCheckIn":        deskWrite(0, 3),
	"service.AttendeeService.Unregister":         adminRW,
	"service.AttendeeService.WalkIn":             deskWrite(0, 2),

	"service.ExportService.Start": adminRW,
	// The hub connects to PostgreSQL with what the admin typed.
	// A job is followed by whoever started it: only admins start any.
	"service.JobService.Cancel": adminRW,
	"service.JobService.Result": adminRW,
	"service.JobService.Status": adminRW,

	"service.ExportService.PushResult": adminRW,
	"service.ExportService.StartPush":  adminRW,

	"service.GroupImportService.Apply":   adminRW,
	"service.GroupImportService.Preview": adminRW,

	"service.GroupService.Committees": readAll,
	"service.GroupService.Create":     adminRW,
	"service.GroupService.Delete":     adminRW,
	"service.GroupService.LedBy":      readAll,
	"service.GroupService.List":       readAll,
	"service.GroupService.Update":     adminRW,

	"service.LevelService.Batch":          readAll,
	"service.LevelService.Batches":        readAll,
	"service.LevelService.ConfirmRenewal": adminRW,
	"service.LevelService.Holders":        readAll,
	"service.LevelService.MemberHoldings": readAll,
	"service.LevelService.PublishBatch":   adminRW,
	"service.LevelService.Renewal":        readAll,
	"service.LevelService.Showcase":       readAll,
	"service.LevelService.ShowcaseFile":   readAll,

	"service.MemberImportService.Apply":   adminRW,
	"service.MemberImportService.Preview": adminRW,

	"service.MemberService.Archive":    adminRW,
	"service.MemberService.ByPhone":    readAll,
	"service.MemberService.Categories": readAll,
	"service.MemberService.Create":     adminRW,
	"service.MemberService.Delete":     adminRW,
	"service.MemberService.Get":        readAll,
	"service.MemberService.History":    readAll,
	"service.MemberService.Restore":    adminRW,
	"service.MemberService.Search":     readAll,
	"service.MemberService.Update":     adminRW,

	"service.RulesService.CopyToNextYear": adminRW,
	"service.RulesService.Get":            readAll,
	"service.RulesService.Origin":         readAll,
	"service.RulesService.Save":           adminRW,

	// A desk needs the language.
	"service.SettingsService.Get":  deskRO,
	"service.SettingsService.Save": adminRW,

	"service.StandingsService.ForYear": readAll,

	"service.SystemService.Info":     readAll,
	"service.SystemService.LoadDemo": adminRW,
	"service.SystemService.Today":    readAll,
	// Native dialogs and the viewer open on the hub's screen.
	"service.SystemService.OpenFile": hubOnly,
	"service.SystemService.SaveFile": hubOnly,

	// Trophies are ordered from the list (ForBatch records the orders).
	"service.TrophyService.ForBatch": adminRW,
	"service.TrophyService.PDF":      readAll,
	"service.TrophyService.Update":   adminRW,
	"service.TrophyService.XLSX":     readAll,

	// ChapterKey and Verify make the key on first use, which is harmless.
	"service.TrustService.ChapterKey":      readAll,
	"service.TrustService.ExportPublicKey": readAll,
	"service.TrustService.Verify":          deskRO,
	"service.TrustService.VerifyImage":     deskRO,
	"service.TrustService.VerifyPDF":       readAll,

	// LAN control stays with whoever sits at the hub.
	"web.LanService.Devices":        hubOnly,
	"web.LanService.NewPairingCode": hubOnly,
	"web.LanService.Revoke":         hubOnly,
	"web.LanService.Start":          hubOnly,
	"web.LanService.Status":         hubOnly,
	"web.LanService.Stop":           hubOnly,
}

// errForbidden refuses a call the caller's role may not make.
var errForbidden = app.Errorf(app.CodeUnauthorized, "forbidden", "this device may not do that")

// authorize applies name's rule for a caller to the call's raw arguments,
// returning the arguments to dispatch (with the device name set by the
// server). isToday answers whether an event is dated today.
func authorize(name string, caller identity, raw []json.RawMessage, isToday func(eventID uint64) (bool, error)) ([]json.RawMessage, error) {
	r, ok := rules[name]
	if !ok {
		return nil, errForbidden
	}
	if caller.local {
		return raw, nil
	}
	role := roleOf(caller.device.Role)
	if r.roles&role == 0 {
		return nil, errForbidden
	}
	if role == desk && r.event != noArg && r.event < len(raw) {
		var id uint64
		if err := json.Unmarshal(raw[r.event], &id); err != nil {
			return nil, errBadCall{"the event argument must be an event ID"}
		}
		today, err := isToday(id)
		if err != nil {
			return nil, err
		}
		if !today {
			return nil, errForbidden
		}
	}
	if r.device != noArg && r.device < len(raw) {
		name, err := json.Marshal(caller.device.Name)
		if err != nil {
			return nil, err
		}
		out := append([]json.RawMessage(nil), raw...)
		out[r.device] = name
		raw = out
	}
	return raw, nil
}
