package service

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

// levelStore is what LevelService needs of the store.
type levelStore interface {
	GetBatch(id string) (app.Batch, bool, error)
	Batches(year int) ([]app.Batch, error)
	PublishBatch(b app.Batch, holdings []app.Holding, ch app.Change) (app.Batch, error)
	GetRenewal(year int) (app.Renewal, bool, error)
	SaveRenewal(r app.Renewal, first bool, holdings []app.Holding, ch app.Change) (app.Renewal, error)
	HoldingsIn(year int) ([]app.Holding, error)
	HoldingsOf(year int, memberIDs []uint64) ([]app.Holding, error)
	MemberHoldings(member uint64) ([]app.Holding, error)
	GetCertificateSetup() (app.CertificateSetup, bool, error)
	GetMember(id uint64) (app.Member, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]app.MemberSummary, error)
}

// LevelService keeps the honor ledger: who holds which level in which
// year. During a year, the quarterly batches put online everyone whose
// standing now gives a higher level than they hold in it (new members and
// upgrades); after the fourth, supplementary batches take the year's late
// records. At the end of December the renewal gives every holder and
// every new member of the year their level for the next. Each shows a
// preview first and is frozen once published or confirmed.
type LevelService struct {
	showcase  app.ShowcaseRenderer
	repo      levelStore
	clock     app.Clock
	settings  *SettingsService
	standings *StandingsService
}

// HolderRow is one holder of a year, as the ledger has them.
type HolderRow struct {
	app.Holding
	Name      string `json:"name"`
	NameLatin string `json:"name_latin"`
	Phone     string `json:"phone"`
	City      string `json:"city"`
}

// Holders lists who holds a level in year (0: this year), highest level
// first, then by Latin name: the one answer every list of holders reads.
func (s *LevelService) Holders(year int) ([]HolderRow, error) {
	year, err := s.yearOr(year)
	if err != nil {
		return nil, err
	}
	holdings, err := s.repo.HoldingsIn(year)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(holdings))
	for i, h := range holdings {
		ids[i] = h.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return nil, err
	}
	out := make([]HolderRow, len(holdings))
	for i, h := range holdings {
		m := members[h.MemberID]
		out[i] = HolderRow{Holding: h, Name: m.Name, NameLatin: m.NameLatin, Phone: m.Phone, City: m.City}
	}
	slices.SortStableFunc(out, func(a, b HolderRow) int {
		return cmp.Or(rules.Compare(rules.Level(b.Level), rules.Level(a.Level)), cmp.Compare(a.NameLatin, b.NameLatin), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// MemberHoldings is one member's ledger, year by year, with each year's
// history.
func (s *LevelService) MemberHoldings(member uint64) ([]app.Holding, error) {
	return s.repo.MemberHoldings(member)
}

// yearOr is year, or this year for 0; a year outside 2000–2999 is refused.
func (s *LevelService) yearOr(year int) (int, error) {
	if year == 0 {
		year = s.today().Year()
	}
	if year < 2000 || year > 2999 {
		return 0, app.Errorf(app.CodeInvalid, "invalid_year", "%d is not a year", year).WithParams("year", strconv.Itoa(year))
	}
	return year, nil
}

// Batches returns the batches of year: the four quarters, published ones
// as published and the others as previews, then its published
// supplementary batches and, once the fourth quarter is out, a preview of
// the next.
func (s *LevelService) Batches(year int) ([]app.Batch, error) {
	published, err := s.repo.Batches(year)
	if err != nil {
		return nil, err
	}
	y, err := s.standings.compute(year)
	if err != nil {
		return nil, err
	}
	held, err := s.repo.HoldingsIn(year)
	if err != nil {
		return nil, err
	}
	out := make([]app.Batch, 0, 5)
	for q := 1; q <= 4; q++ {
		b, err := s.batch(app.BatchID{Year: year, Quarter: q}, published, y.standings, held)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	next := app.BatchID{Year: year, Supplement: 1}
	for _, b := range published {
		if b.Supplement > 0 {
			out = append(out, b)
			next.Supplement = b.Supplement + 1
		}
	}
	if out[3].Published {
		b, err := s.batch(next, published, y.standings, held)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// Batch returns a published batch, or the preview of one not yet published.
func (s *LevelService) Batch(id string) (app.Batch, error) {
	bid, err := app.ParseBatchID(id)
	if err != nil {
		return app.Batch{}, err
	}
	published, err := s.repo.Batches(bid.Year)
	if err != nil {
		return app.Batch{}, err
	}
	y, err := s.standings.compute(bid.Year)
	if err != nil {
		return app.Batch{}, err
	}
	held, err := s.repo.HoldingsIn(bid.Year)
	if err != nil {
		return app.Batch{}, err
	}
	return s.batch(bid, published, y.standings, held)
}

// batch is the published batch bid, or its preview from the year's
// standings and the holdings of the year.
func (s *LevelService) batch(bid app.BatchID, published []app.Batch, standings []rules.Standing, held []app.Holding) (app.Batch, error) {
	for _, b := range published {
		if b.ID == bid.String() {
			return b, nil
		}
	}
	first, last := span(bid)
	found := rules.BatchCandidates(first, last, standings, rulesHoldings(held))
	ids := make([]uint64, len(found))
	for i, e := range found {
		ids[i] = e.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return app.Batch{}, err
	}
	b := app.Batch{ID: bid.String(), Year: bid.Year, Quarter: bid.Quarter, Supplement: bid.Supplement, Entries: make([]app.BatchEntry, 0, len(found))}
	for _, e := range found {
		m := members[e.MemberID]
		kind := app.BatchUpgrade
		if e.New() {
			kind = app.BatchNew
		}
		b.Entries = append(b.Entries, app.BatchEntry{MemberID: e.MemberID, Name: m.Name, NameLatin: m.NameLatin, Phone: m.Phone,
			City: m.City, Level: string(e.Level), Kind: kind, From: string(e.From), QualifiedOn: e.QualifiedOn.String(),
			Late: e.Late, Reason: reasonRow(e.Reason)})
	}
	b.Blocked = s.batchBlocked(bid, published, standings, held, len(b.Entries))
	return b, nil
}

// span is the days a batch's standing reads: its quarter, or for a
// supplementary batch the year, every day of which came before it.
func span(bid app.BatchID) (first, last rules.Date) {
	if bid.Supplement > 0 {
		return rules.Date{Year: bid.Year + 1, Month: time.January, Day: 1}, rules.Date{Year: bid.Year, Month: time.December, Day: 31}
	}
	return rules.QuarterSpan(bid.Year, bid.Quarter)
}

// batchBlocked says why a batch cannot be published yet: a quarter has
// not reached its last day, or an earlier quarter of the year with
// members to put online is unpublished (publish it first, so that they go
// online in their own quarter); a supplementary batch follows the fourth
// quarter's and the supplementary batches before it; and a batch with no
// one is not published.
func (s *LevelService) batchBlocked(bid app.BatchID, published []app.Batch, standings []rules.Standing, held []app.Holding, entries int) app.ReasonRow {
	isPublished := func(id app.BatchID) bool {
		return slices.ContainsFunc(published, func(b app.Batch) bool { return b.ID == id.String() })
	}
	switch {
	case bid.Supplement > 0 && !isPublished(app.BatchID{Year: bid.Year, Quarter: 4}):
		q4 := app.BatchID{Year: bid.Year, Quarter: 4}.String()
		return app.ReasonRow{Code: "supplement_before_q4", Params: map[string]string{"batch": bid.String(), "q4": q4},
			Text: "batch " + bid.String() + " follows batch " + q4 + ": publish that first"}
	case bid.Supplement > 1 && !isPublished(app.BatchID{Year: bid.Year, Supplement: bid.Supplement - 1}):
		prev := app.BatchID{Year: bid.Year, Supplement: bid.Supplement - 1}.String()
		return app.ReasonRow{Code: "earlier_unpublished", Params: map[string]string{"batch": prev}, Text: "publish batch " + prev + " first"}
	case bid.Supplement == 0 && s.today().Before(bid.LastDay()):
		last := bid.LastDay().Format(app.DateLayout)
		return app.ReasonRow{Code: "quarter_open", Params: map[string]string{"batch": bid.String(), "date": last},
			Text: "batch " + bid.String() + " can be published from " + last}
	}
	for q := 1; bid.Supplement == 0 && q < bid.Quarter; q++ {
		earlier := app.BatchID{Year: bid.Year, Quarter: q}
		first, last := span(earlier)
		if !isPublished(earlier) && len(rules.BatchCandidates(first, last, standings, rulesHoldings(held))) > 0 {
			return app.ReasonRow{Code: "earlier_unpublished", Params: map[string]string{"batch": earlier.String()},
				Text: "publish batch " + earlier.String() + " first"}
		}
	}
	if entries == 0 {
		return app.ReasonRow{Code: "batch_empty", Params: map[string]string{"batch": bid.String()},
			Text: "batch " + bid.String() + " has no new members or upgrades"}
	}
	return app.ReasonRow{}
}

// PublishBatch freezes a batch as its preview shows it now and gives each
// of its members their level in the batch's year. It refuses a blocked or
// already published batch.
func (s *LevelService) PublishBatch(id string) (app.Batch, error) {
	b, err := s.Batch(id)
	if err != nil {
		return app.Batch{}, err
	}
	if b.Published {
		return app.Batch{}, app.Errorf(app.CodeConflict, "batch_published", "batch %s is already published", b.ID).WithParams("batch", b.ID)
	}
	if b.Blocked.Code != "" {
		return app.Batch{}, app.Errorf(app.CodeConflict, b.Blocked.Code, "%s", b.Blocked.Text).WithParams(flatten(b.Blocked.Params)...)
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Batch{}, err
	}
	holdings := make([]app.Holding, len(b.Entries))
	for i, e := range b.Entries {
		holdings[i] = app.Holding{MemberID: e.MemberID, Year: b.Year, Level: e.Level, Source: "batch:" + b.ID}
	}
	return s.repo.PublishBatch(b, holdings, c)
}

// Renewal returns the renewal of year: once confirmed, as confirmed, with
// the amendments the records of year that came later call for (Pending);
// before, its preview. Either way it lists every holder of year and every
// member whose standing in it gives a level, and what year's standing
// gives them for year+1.
func (s *LevelService) Renewal(year int) (app.Renewal, error) {
	fresh, err := s.renewalPreview(year)
	if err != nil {
		return app.Renewal{}, err
	}
	r, confirmed, err := s.repo.GetRenewal(year)
	if err != nil {
		return app.Renewal{}, err
	}
	if !confirmed {
		return fresh, nil
	}
	r.Pending = pendingAmendments(r.Entries, fresh.Entries)
	r.Blocked = app.ReasonRow{}
	return r, nil
}

func (s *LevelService) renewalPreview(year int) (app.Renewal, error) {
	y, err := s.standings.compute(year)
	if err != nil {
		return app.Renewal{}, err
	}
	held, err := s.repo.HoldingsIn(year)
	if err != nil {
		return app.Renewal{}, err
	}
	points := make(map[uint64]int, len(y.standings))
	for _, st := range y.standings {
		points[st.MemberID] = st.Points
	}
	found := rules.Renewal(y.standings, rulesHoldings(held))
	ids := make([]uint64, len(found))
	for i, e := range found {
		ids[i] = e.MemberID
	}
	members, err := s.repo.MemberSummaries(ids)
	if err != nil {
		return app.Renewal{}, err
	}
	r := app.Renewal{Year: year, Entries: make([]app.RenewalEntry, 0, len(found)), Counts: map[string]int{},
		Pending: []app.RenewalEntry{}, Amendments: []app.RenewalAmendment{}}
	for _, o := range []rules.RenewalOutcome{rules.RenewalKeep, rules.RenewalRise, rules.RenewalDown, rules.RenewalLapse, rules.RenewalNew} {
		r.Counts[string(o)] = 0
	}
	for _, e := range found {
		m := members[e.MemberID]
		r.Entries = append(r.Entries, app.RenewalEntry{MemberID: e.MemberID, Name: m.Name, Phone: m.Phone, City: m.City,
			Points: points[e.MemberID], From: string(e.From), To: string(e.To), Outcome: string(e.Outcome), Reason: reasonRow(e.Reason)})
		r.Counts[string(e.Outcome)]++
	}
	last := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
	switch {
	case s.today().Before(last):
		r.Blocked = app.ReasonRow{Code: "renewal_early", Params: map[string]string{"year": strconv.Itoa(year), "date": last.Format(app.DateLayout)},
			Text: "the renewal of " + strconv.Itoa(year) + " can be confirmed from " + last.Format(app.DateLayout)}
	case len(r.Entries) == 0:
		r.Blocked = app.ReasonRow{Code: "renewal_empty", Params: map[string]string{"year": strconv.Itoa(year)},
			Text: "no one holds or reached a level in " + strconv.Itoa(year)}
	}
	return r, nil
}

// pendingAmendments are the entries of fresh whose level for the next
// year differs from what the confirmed entries gave (a member missing
// from either side counts as none), each with the confirmed level as Was.
func pendingAmendments(confirmed, fresh []app.RenewalEntry) []app.RenewalEntry {
	gave := make(map[uint64]string, len(confirmed))
	for _, e := range confirmed {
		gave[e.MemberID] = e.To
	}
	out := []app.RenewalEntry{}
	seen := map[uint64]bool{}
	for _, e := range fresh {
		seen[e.MemberID] = true
		was := cmp.Or(gave[e.MemberID], string(rules.LevelNone))
		if was != e.To {
			e.Was = was
			out = append(out, e)
		}
	}
	for _, e := range confirmed {
		if !seen[e.MemberID] && rules.Level(e.To).Rank() > 0 {
			out = append(out, app.RenewalEntry{MemberID: e.MemberID, Name: e.Name, Phone: e.Phone, City: e.City,
				From: e.From, To: string(rules.LevelNone), Outcome: string(rules.RenewalLapse), Was: e.To})
		}
	}
	return out
}

// ConfirmRenewal confirms the renewal of year as its preview shows it now
// and gives every member in it their level for year+1; once confirmed, it
// confirms the pending amendments instead. It refuses a blocked renewal,
// and a confirmed one with nothing to amend.
func (s *LevelService) ConfirmRenewal(year int) (app.Renewal, error) {
	r, err := s.Renewal(year)
	if err != nil {
		return app.Renewal{}, err
	}
	if r.Confirmed && len(r.Pending) == 0 {
		return app.Renewal{}, app.Errorf(app.CodeConflict, "renewal_confirmed", "the renewal of %d is already confirmed", year).
			WithParams("year", strconv.Itoa(year))
	}
	if r.Blocked.Code != "" {
		return app.Renewal{}, app.Errorf(app.CodeConflict, r.Blocked.Code, "%s", r.Blocked.Text).WithParams(flatten(r.Blocked.Params)...)
	}
	c, err := s.settings.change()
	if err != nil {
		return app.Renewal{}, err
	}
	first := !r.Confirmed
	changed := r.Entries
	if first {
		r.Confirmed, r.ConfirmedAt, r.ConfirmedBy = true, c.At, c.Actor
	} else {
		changed = r.Pending
		r.Amendments = append(r.Amendments, app.RenewalAmendment{Entries: r.Pending, ConfirmedAt: c.At, ConfirmedBy: c.Actor})
		r.Entries = amended(r.Entries, r.Pending)
		r.Pending = []app.RenewalEntry{}
	}
	holdings, err := s.renewalHoldings(year, changed)
	if err != nil {
		return app.Renewal{}, err
	}
	return s.repo.SaveRenewal(r, first, holdings, c)
}

// amended is entries with the pending amendments applied.
func amended(entries, pending []app.RenewalEntry) []app.RenewalEntry {
	out := slices.Clone(entries)
	for _, p := range pending {
		p.Was = ""
		if i := slices.IndexFunc(out, func(e app.RenewalEntry) bool { return e.MemberID == p.MemberID }); i >= 0 {
			out[i] = p
		} else {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b app.RenewalEntry) int { return cmp.Compare(a.MemberID, b.MemberID) })
	return out
}

// renewalHoldings are the holdings of year+1 the renewal of year gives.
// What a batch of year+1 or a decision gave for year+1 stands unless the
// renewal gives more: they were earned or decided in that year.
func (s *LevelService) renewalHoldings(year int, entries []app.RenewalEntry) ([]app.Holding, error) {
	ids := make([]uint64, len(entries))
	for i, e := range entries {
		ids[i] = e.MemberID
	}
	current, err := s.repo.HoldingsOf(year+1, ids)
	if err != nil {
		return nil, err
	}
	have := make(map[uint64]app.Holding, len(current))
	for _, h := range current {
		have[h.MemberID] = h
	}
	source := "renewal:" + strconv.Itoa(year)
	var out []app.Holding
	for _, e := range entries {
		h, held := have[e.MemberID]
		to := rules.Level(e.To)
		switch {
		case !held && to.Rank() == 0:
			continue
		case held && earnedIn(h, year+1) && to.Rank() <= rules.Level(h.Level).Rank():
			continue
		}
		out = append(out, app.Holding{MemberID: e.MemberID, Year: year + 1, Level: e.To, Source: source})
	}
	return out, nil
}

// earnedIn: the holding came from a batch of year or from a decision,
// rather than from a renewal (or from before the ledger kept years).
func earnedIn(h app.Holding, year int) bool {
	return strings.HasPrefix(h.Source, "batch:"+strconv.Itoa(year)+"-") || strings.HasPrefix(h.Source, "decision:")
}

// rulesHoldings is the ledger's holdings as the rules see them.
func rulesHoldings(held []app.Holding) []rules.Holding {
	out := make([]rules.Holding, len(held))
	for i, h := range held {
		out[i] = rules.Holding{MemberID: h.MemberID, Level: rules.Level(h.Level)}
	}
	return out
}

// today is the operator's calendar day, as a UTC midnight to compare with
// the program's civil dates.
func (s *LevelService) today() time.Time {
	y, m, d := s.clock.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func reasonRow(r rules.Reason) app.ReasonRow {
	return app.ReasonRow{Code: r.Code, Params: r.Params, Text: r.Text}
}

func flatten(m map[string]string) []string {
	out := make([]string, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// showcaseLevels are the levels the website lists, highest first.
var showcaseLevels = []rules.Level{rules.LevelDirector, rules.LevelACE, rules.LevelPartner}

// Showcase is the public list of who holds a level in year (0: this
// year), by level and city, for the chapter's website. Archived members
// are left out; contact details never go in.
func (s *LevelService) Showcase(year int) (app.Showcase, error) {
	today := s.today()
	year, err := s.yearOr(year)
	if err != nil {
		return app.Showcase{}, err
	}
	holdings, err := s.repo.HoldingsIn(year)
	if err != nil {
		return app.Showcase{}, err
	}
	var people []app.ShowcasePerson
	for _, h := range holdings {
		m, err := s.repo.GetMember(h.MemberID)
		if err != nil {
			return app.Showcase{}, err
		}
		if m.Archived {
			continue
		}
		people = append(people, app.ShowcasePerson{Name: m.Name, NameLatin: m.NameLatin, Level: h.Level, City: m.City,
			Organization: m.Organization, Bio: m.Bio})
	}
	setup, ok, err := s.repo.GetCertificateSetup()
	if err != nil {
		return app.Showcase{}, err
	}
	if !ok {
		setup = app.DefaultCertificateSetup()
	}
	return app.BuildShowcase(app.ShowcaseChapter{NameZH: setup.IssuerZH, NameEN: setup.IssuerEN}, year,
		today.Format(app.DateLayout), showcaseLevels, people), nil
}

// ShowcaseFile is the showcase of year as a file to save: format "json"
// or "html".
func (s *LevelService) ShowcaseFile(year int, format string) (FileResult, error) {
	if format != "json" && format != "html" {
		return FileResult{}, app.Errorf(app.CodeInvalid, "invalid_format", "format %q: use json or html", format).WithParams("format", format)
	}
	p, err := s.Showcase(year)
	if err != nil {
		return FileResult{}, err
	}
	name := "pgace-showcase-" + strconv.Itoa(p.Year) + "." + format
	var data []byte
	if format == "json" {
		data, err = json.MarshalIndent(p, "", "  ")
	} else {
		data, err = s.showcase.HTML(p)
	}
	return FileResult{Name: name, Data: data}, err
}
