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
	"app.BenefitService.List": readAll,
	"app.BenefitService.XLSX": readAll,

	"app.BundleService.CancelJob":      adminRW,
	"app.BundleService.ConflictsFile":  adminRW,
	"app.BundleService.ExportResult":   adminRW,
	"app.BundleService.JobStatus":      adminRW,
	"app.BundleService.MergeOutcomes":  adminRW,
	"app.BundleService.MergedChapters": readAll,
	"app.BundleService.StartExport":    adminRW,
	"app.BundleService.StartMerge":     adminRW,

	// Issuing (ForX) writes serials and counts prints.
	"app.CertificateService.CancelJob":  adminRW,
	"app.CertificateService.ForBatch":   adminRW,
	"app.CertificateService.ForEvent":   adminRW,
	"app.CertificateService.ForLead":    adminRW,
	"app.CertificateService.ForLeads":   adminRW,
	"app.CertificateService.ForMember":  adminRW,
	"app.CertificateService.ForRenewal": adminRW,
	"app.CertificateService.JobResult":  adminRW,
	"app.CertificateService.JobStatus":  adminRW,
	"app.CertificateService.List":       readAll,
	"app.CertificateService.OpenBadge":  adminRW,
	"app.CertificateService.Preview":    adminRW,
	"app.CertificateService.Print":      adminRW,
	"app.CertificateService.Render":     adminRW,
	"app.CertificateService.Revocation": readAll,
	"app.CertificateService.Revoke":     adminRW,
	"app.CertificateService.SaveSetup":  adminRW,
	// The setup holds the seal and signature images: enough to forge paper.
	"app.CertificateService.Setup": adminRW,

	"app.ContributionImportService.Apply":   adminRW,
	"app.ContributionImportService.Preview": adminRW,

	"app.ContributionService.Approve":   adminRW,
	"app.ContributionService.Create":    adminRW,
	"app.ContributionService.Delete":    adminRW,
	"app.ContributionService.ForMember": readAll,
	"app.ContributionService.List":      readAll,
	"app.ContributionService.Points":    readAll,
	"app.ContributionService.Reject":    adminRW,
	"app.ContributionService.Update":    adminRW,

	"app.DashboardService.ForYear": readAll,

	"app.DecisionService.Create":   adminRW,
	"app.DecisionService.List":     readAll,
	"app.DecisionService.Withdraw": adminRW,

	"app.EventService.AttendeeQR":    deskRead(0),
	"app.EventService.Attendees":     deskRead(0),
	"app.EventService.CheckIn":       deskWrite(0, 3),
	"app.EventService.CheckInSearch": deskRead(0),
	"app.EventService.Delete":        adminRW,
	"app.EventService.FrontRow":      deskRead(0),
	"app.EventService.Get":           deskRead(0),
	"app.EventService.Kinds":         readAll,
	"app.EventService.List":          deskRO,
	"app.EventService.PlaceCards":    readAll,
	"app.EventService.Register":      deskWrite(0, noArg),
	"app.EventService.Save":          adminRW,
	// The desk's scan by photo; decoding photos costs the hub CPU, and a
	// viewer has no door to keep.
	"app.EventService.ScanAttendee":       {roles: desk | admin, event: 0, device: noArg},
	"app.EventService.SpeakerCertificate": deskWrite(0, noArg),
	"app.EventService.Today":              deskRO,
	"app.EventService.UndoCheckIn":        deskWrite(0, 3),
	"app.EventService.Unregister":         adminRW,
	"app.EventService.WalkIn":             deskWrite(0, 2),

	"app.ExportService.CancelJob": adminRW,
	"app.ExportService.JobResult": adminRW,
	"app.ExportService.JobStatus": adminRW,
	"app.ExportService.Start":     adminRW,
	// The hub connects to PostgreSQL with what the admin typed.
	"app.ExportService.PushResult": adminRW,
	"app.ExportService.StartPush":  adminRW,

	"app.GroupImportService.Apply":   adminRW,
	"app.GroupImportService.Preview": adminRW,

	"app.GroupService.Committees": readAll,
	"app.GroupService.Create":     adminRW,
	"app.GroupService.Delete":     adminRW,
	"app.GroupService.List":       readAll,
	"app.GroupService.Update":     adminRW,

	"app.LevelService.Batch":          readAll,
	"app.LevelService.Batches":        readAll,
	"app.LevelService.ConfirmRenewal": adminRW,
	"app.LevelService.Holdings":       readAll,
	"app.LevelService.PublishBatch":   adminRW,
	"app.LevelService.Renewal":        readAll,
	"app.LevelService.Showcase":       readAll,
	"app.LevelService.ShowcaseFile":   readAll,

	"app.MemberImportService.Apply":   adminRW,
	"app.MemberImportService.Preview": adminRW,

	"app.MemberService.Archive":    adminRW,
	"app.MemberService.ByPhone":    readAll,
	"app.MemberService.Categories": readAll,
	"app.MemberService.Create":     adminRW,
	"app.MemberService.Delete":     adminRW,
	"app.MemberService.Get":        readAll,
	"app.MemberService.History":    readAll,
	"app.MemberService.Restore":    adminRW,
	"app.MemberService.Search":     readAll,
	"app.MemberService.Update":     adminRW,

	"app.RulesService.CopyToNextYear": adminRW,
	"app.RulesService.Get":            readAll,
	"app.RulesService.Origin":         readAll,
	"app.RulesService.Save":           adminRW,

	// A desk needs the language.
	"app.SettingsService.Get":  deskRO,
	"app.SettingsService.Save": adminRW,

	"app.StandingsService.ForYear": readAll,

	"app.SystemService.Info":     readAll,
	"app.SystemService.LoadDemo": adminRW,
	// Native dialogs and the viewer open on the hub's screen.
	"app.SystemService.OpenFile": hubOnly,
	"app.SystemService.SaveFile": hubOnly,

	// Trophies are ordered from the list (ForBatch records the orders).
	"app.TrophyService.ForBatch": adminRW,
	"app.TrophyService.PDF":      readAll,
	"app.TrophyService.Update":   adminRW,
	"app.TrophyService.XLSX":     readAll,

	// ChapterKey and Verify make the key on first use, which is harmless.
	"app.TrustService.ChapterKey":      readAll,
	"app.TrustService.ExportPublicKey": readAll,
	"app.TrustService.Verify":          deskRO,
	"app.TrustService.VerifyImage":     deskRO,
	"app.TrustService.VerifyPDF":       readAll,

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
