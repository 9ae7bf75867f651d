package service

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"acedesk/app"
	"acedesk/app/rules"
)

// contributionColumns are the columns a contributions file may have. The
// member is found by phone, else by name, so neither column alone is
// required.
var contributionColumns = []app.Column{
	{Key: "phone", Labels: []string{"手机", "手机号", "手机号码"}},
	{Key: "name", Labels: []string{"姓名"}},
	{Key: "kind", Labels: []string{"类型", "贡献类型"}, Required: true},
	{Key: "date", Labels: []string{"日期"}, Required: true},
	{Key: "quantity", Labels: []string{"数量"}},
	{Key: "title", Labels: []string{"标题"}},
	{Key: "evidence", Labels: []string{"证明链接", "证明"}},
	{Key: "status", Labels: []string{"状态"}},
}

// statusLabels maps the Chinese names of the statuses, as the UI shows
// them, to their keys.
var statusLabels = map[string]string{
	"待审核": app.StatusPending, "待审": app.StatusPending, "审核中": app.StatusPending, "未审核": app.StatusPending,
	"已通过": app.StatusApproved, "通过": app.StatusApproved, "已批准": app.StatusApproved, "批准": app.StatusApproved, "已审核": app.StatusApproved,
	"已驳回": app.StatusRejected, "驳回": app.StatusRejected, "未通过": app.StatusRejected, "不通过": app.StatusRejected, "已拒绝": app.StatusRejected, "拒绝": app.StatusRejected,
}

// ContributionImportService records a spreadsheet of contributions (XLSX or
// CSV), typically a quarter's talks and articles collected by a lead.
// Rows find their member by phone, else by a unique exact name.
type ContributionImportService struct {
	sheets   app.Spreadsheets
	repo     app.ContributionImportRepository
	settings *SettingsService
	rules    *RulesService
}

func NewContributionImportService(repo app.ContributionImportRepository, settings *SettingsService, rules *RulesService, sheets app.Spreadsheets) *ContributionImportService {
	return &ContributionImportService{repo: repo, settings: settings, rules: rules, sheets: sheets}
}

// Preview reports what importing the file would do to each row, writing
// nothing.
func (s *ContributionImportService) Preview(fileName string, data []byte) (ImportReport, error) {
	report, _, err := s.plan(fileName, data)
	return report, err
}

// Apply imports the file all or nothing: if any row is an error, nothing is
// written and the report says why; else every new contribution is written
// in one transaction, after a backup of the database. Rows identical to a
// contribution on record are left alone, so a file can be imported again.
func (s *ContributionImportService) Apply(fileName string, data []byte) (ImportReport, error) {
	report, writes, err := s.plan(fileName, data)
	if err != nil {
		return report, err
	}
	err = applyImport(s.settings, &report, writes, s.repo.ImportContributions,
		func(row *ImportRow, c app.Contribution) { row.Contribution.Contribution = c })
	return report, err
}

func (s *ContributionImportService) plan(fileName string, data []byte) (ImportReport, []importWrite[app.Contribution], error) {
	report := ImportReport{File: fileName, Columns: []string{}, Rows: []ImportRow{}}
	table, err := s.sheets.ReadTable(bytes.NewReader(data), contributionColumns)
	if err != nil {
		return report, nil, importFileError(fileName, err)
	}
	report.Columns = table.Columns
	phones, names := make([]string, len(table.Rows)), make([]string, len(table.Rows))
	for i, r := range table.Rows {
		phones[i], names[i] = app.NormalizePhone(r.Cells["phone"]), normalizeName(r.Cells["name"])
	}
	basis, err := s.repo.ContributionImportBasis(phones, names)
	if err != nil {
		return report, nil, err
	}
	m := newContributionMatcher(basis, slices.Contains(table.Columns, "status"), s.rules)
	var writes []importWrite[app.Contribution]
	for _, r := range table.Rows {
		row, write, err := m.plan(r)
		if err != nil {
			return report, nil, err
		}
		if write != nil {
			writes = append(writes, importWrite[app.Contribution]{row: len(report.Rows), item: *write})
		}
		report.add(row)
	}
	return report, writes, nil
}

// normalizeName spells a name as Member.Normalize does.
func normalizeName(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameContribution is what makes two contributions the same record: a row
// identical to one on record is unchanged, a second identical row an error.
type sameContribution struct {
	member            uint64
	kind, date, title string
	quantity          int
}

func sameKey(c app.Contribution) sameContribution {
	return sameContribution{c.MemberID, c.Kind, c.Date, c.Title, c.Quantity}
}

// contributionMatcher finds each row's member, kind and twin on record, and
// remembers the rows already seen.
type contributionMatcher struct {
	byPhone  map[string]app.Member
	byName   map[string][]app.Member
	existing map[sameContribution]app.Contribution
	seen     map[sameContribution]int
	// hasStatus: without a status column imported contributions are
	// approved, since a lead's file records what already happened.
	hasStatus bool
	rules     *RulesService
	years     map[int]rules.YearRules
}

func newContributionMatcher(basis app.ImportBasis, hasStatus bool, rs *RulesService) *contributionMatcher {
	m := &contributionMatcher{byPhone: map[string]app.Member{}, byName: map[string][]app.Member{},
		existing: map[sameContribution]app.Contribution{}, seen: map[sameContribution]int{},
		hasStatus: hasStatus, rules: rs, years: map[int]rules.YearRules{}}
	for _, mem := range basis.Members {
		if mem.Phone != "" {
			m.byPhone[mem.Phone] = mem
		}
		m.byName[mem.Name] = append(m.byName[mem.Name], mem)
	}
	for _, c := range basis.Contributions {
		m.existing[sameKey(c)] = c
	}
	return m
}

// plan decides the outcome of one row and the contribution to create if
// any. The error is for failures of storage, not of the row.
func (m *contributionMatcher) plan(r app.TableRow) (ImportRow, *app.Contribution, error) {
	row := ImportRow{Row: r.Number, Name: cmp.Or(r.Cells["name"], r.Cells["phone"])}
	mem, e := m.member(r.Cells)
	if e != nil {
		return row.failed(e), nil, nil
	}
	row.MemberID, row.Name = mem.ID, mem.Name
	c, k, err := m.contribution(mem.ID, r.Cells)
	if err != nil {
		if e := app.AsError(err); e.Code != app.CodeInternal {
			return row.failed(e), nil, nil
		}
		return row, nil, err
	}
	key := sameKey(c)
	if first, ok := m.seen[key]; ok {
		return row.failed(app.Errorf(app.CodeInvalid, "import_duplicate_contribution", "the same contribution is also on row %d", first).
			WithParams("row", strconv.Itoa(first), "member", mem.Name)), nil, nil
	}
	m.seen[key] = r.Number
	old, onRecord := m.existing[key]
	switch {
	case onRecord && m.hasStatus && reviews(old, c):
		old.Status = c.Status
		c, row.Outcome, row.Changes = old, ImportUpdated, []string{"status"}
	case onRecord:
		row.Outcome = ImportUnchanged
		row.Contribution = &app.ContributionRow{Contribution: old, MemberName: mem.Name, MemberPhone: mem.Phone, Points: k.PointsOf(old.Quantity, old.Override)}
		return row, nil, nil
	default:
		row.Outcome = ImportNew
	}
	row.Contribution = &app.ContributionRow{Contribution: c, MemberName: mem.Name, MemberPhone: mem.Phone, Points: k.PointsOf(c.Quantity, c.Override)}
	return row, &c, nil
}

// reviews reports whether a row reviews the pending record it matches: a
// lead's file that says 已通过 or 已驳回 for a contribution still waiting.
// A file never takes a reviewed record back to pending or reverses a
// review; that is done in the app, where the reviewer sees what changes.
func reviews(old, row app.Contribution) bool {
	return old.Status == app.StatusPending && row.Status != app.StatusPending && row.Status != ""
}

// member finds the row's member by phone, else by a unique exact name.
func (m *contributionMatcher) member(cells map[string]string) (app.Member, *app.Error) {
	phone, name := app.NormalizePhone(cells["phone"]), normalizeName(cells["name"])
	var found app.Member
	switch {
	case phone != "":
		mem, ok := m.byPhone[phone]
		if !ok {
			return app.Member{}, app.Errorf(app.CodeNotFound, "import_unknown_phone", "no member has phone %s", phone).WithParams("phone", phone)
		}
		// A phone with someone else's name is most likely a typo in one of
		// them: points must not go to the wrong person.
		if name != "" && name != mem.Name && !strings.EqualFold(name, mem.NameLatin) {
			return app.Member{}, app.Errorf(app.CodeInvalid, "import_phone_name_mismatch", "phone %s is %s's, not %s's", phone, mem.Name, name).
				WithParams("phone", phone, "member", mem.Name, "name", name)
		}
		found = mem
	case name != "":
		switch ms := m.byName[name]; len(ms) {
		case 0:
			return app.Member{}, app.Errorf(app.CodeNotFound, "import_unknown_name", "no member is named %s", name).WithParams("name", name)
		case 1:
			found = ms[0]
		default:
			return app.Member{}, app.Errorf(app.CodeInvalid, "import_ambiguous_name", "%d members are named %s: give the phone", len(ms), name).
				WithParams("name", name, "count", strconv.Itoa(len(ms)))
		}
	default:
		return app.Member{}, app.Errorf(app.CodeInvalid, "import_no_member", "neither phone nor name to find the member by")
	}
	if found.Archived {
		return app.Member{}, app.Errorf(app.CodeConflict, "member_archived", "%s is archived: restore them first", found.Name).WithParams("member", found.Name)
	}
	return found, nil
}

// contribution is the valid contribution the row's cells describe, with
// its kind's rule, or the row's field errors.
func (m *contributionMatcher) contribution(memberID uint64, cells map[string]string) (app.Contribution, rules.KindRule, error) {
	c := app.Contribution{MemberID: memberID, Kind: cells["kind"], Title: cells["title"], Evidence: cells["evidence"], Status: app.StatusApproved}
	f := app.FieldErrors{}
	if v := cells["date"]; v != "" {
		if d, ok := app.ParseCellDate(v); ok {
			c.Date = d.Format(app.DateLayout)
		} else {
			f.Add("date", "invalid_date")
		}
	}
	if v := cells["quantity"]; v != "" {
		if n, ok := app.ParseCellInt(v); ok && n > 0 {
			c.Quantity = n
		} else {
			f.Add("quantity", "not_positive")
		}
	}
	if m.hasStatus {
		c.Status = ""
		if v := cells["status"]; v != "" {
			if st, ok := parseStatus(v); ok {
				c.Status = st
			} else {
				f.Add("status", "invalid_choice")
			}
		}
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		for field, reason := range app.AsError(err).Fields {
			f.Add(field, reason)
		}
	}
	if err := f.Err(); err != nil {
		return c, rules.KindRule{}, err
	}
	r, err := m.yearRules(c.Year())
	if err != nil {
		return c, rules.KindRule{}, err
	}
	k, ok := r.Kind(c.Kind)
	if !ok {
		return c, k, unknownKind(c.Kind, c.Year())
	}
	c.Kind = k.Key
	return c, k, nil
}

// yearRules reads each year's table once per file.
func (m *contributionMatcher) yearRules(year int) (rules.YearRules, error) {
	if r, ok := m.years[year]; ok {
		return r, nil
	}
	r, err := m.rules.Get(year)
	if err != nil {
		return r, err
	}
	m.years[year] = r
	return r, nil
}

// parseStatus reads a status by key in any case, or by its Chinese label.
func parseStatus(s string) (string, bool) {
	if st, ok := statusLabels[s]; ok {
		return st, true
	}
	switch strings.ToLower(s) {
	case app.StatusPending, "waiting":
		return app.StatusPending, true
	case app.StatusApproved, "approve", "accepted":
		return app.StatusApproved, true
	case app.StatusRejected, "reject", "declined":
		return app.StatusRejected, true
	}
	return "", false
}
