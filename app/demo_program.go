package app

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// demoGroupSpec is a demo group; city groups take their lead from their city.
type demoGroupSpec struct{ committee, name, city string }

var demoGroups = []demoGroupSpec{
	{CommitteeRegional, "杭州用户组", "杭州"}, {CommitteeRegional, "北京用户组", "北京"},
	{CommitteeRegional, "上海用户组", "上海"}, {CommitteeRegional, "南京用户组", "南京"},
	{CommitteeRegional, "深圳用户组", "深圳"}, {CommitteeRegional, "广州用户组", "广州"},
	{CommitteeRegional, "成都用户组", "成都"}, {CommitteeRegional, "武汉用户组", "武汉"},
	{CommitteeIndustry, "金融行业组", ""}, {CommitteeIndustry, "电力行业组", ""},
	{CommitteeIndustry, "电信行业组", ""}, {CommitteeIndustry, "政务行业组", ""},
	{CommitteeUniversity, "高校发展组", ""}, {CommitteeEvangelism, "Tech&Talk 专家组", ""},
	{CommitteeEvangelism, "Writer 专家组", ""}, {CommitteeSpecial, "特殊贡献组", ""},
}

// demoEventSpec is a demo event on a month and day of the demo year; talks
// is how many talks it has, group the name of its organizing group.
type demoEventSpec struct {
	name, kind, monthDay, city, group string
	talks, attendance                 int
}

var demoEvents = []demoEventSpec{
	{"PG.Live 一月：VACUUM 原理", EventLive, "01-14", "线上", "Tech&Talk 专家组", 1, 860},
	{"天天象上·杭州 三月", EventCityMeetup, "03-21", "杭州", "杭州用户组", 2, 65},
	{"PG.Live 三月：索引类型一览", EventLive, "03-11", "线上", "Tech&Talk 专家组", 1, 920},
	{"技术峰会全国行·杭州站", EventRegionalSummit, "04-18", "杭州", "杭州用户组", 3, 240},
	{"PostgreSQL 高校行·理工大学", EventUniversity, "05-12", "南京", "高校发展组", 0, 150},
	{"天天象上·北京 五月", EventCityMeetup, "05-23", "北京", "北京用户组", 2, 80},
	{"PG.Live 五月：连接池实践", EventLive, "05-13", "线上", "Tech&Talk 专家组", 1, 780},
	{"技术峰会全国行·南京站", EventRegionalSummit, "06-13", "南京", "南京用户组", 3, 210},
	{"天天象上·上海 六月", EventCityMeetup, "06-27", "上海", "上海用户组", 1, 70},
	{"走进企业·某城商行", EventCompanyVisit, "07-08", "杭州", "金融行业组", 1, 40},
	{"2026 中国 PostgreSQL 数据库生态大会", EventConference, "07-18", "北京", "", 6, 1200},
	{"天天象上·杭州 八月", EventCityMeetup, "08-22", "杭州", "杭州用户组", 2, 72},
	{"技术峰会全国行·成都站", EventRegionalSummit, "09-19", "成都", "", 3, 190},
	{"天天象上·南京 九月", EventCityMeetup, "09-26", "南京", "南京用户组", 1, 55},
	{"PostgreSQL 高校行·师范大学", EventUniversity, "10-20", "杭州", "高校发展组", 0, 130},
	{"天天象上·深圳 十月", EventCityMeetup, "10-24", "深圳", "深圳用户组", 2, 60},
	{"象牙塔·DBA 实战训练营", EventTraining, "11-01", "上海", "", 1, 45},
	{"技术峰会全国行·广州站", EventRegionalSummit, "11-07", "广州", "", 3, 205},
	{"PG.Live 十一月：逻辑复制", EventLive, "11-11", "线上", "Tech&Talk 专家组", 1, 840},
}

var demoTalkTitles = []string{"PostgreSQL 17 逻辑复制实战", "从 Oracle 迁移到 PostgreSQL 的十个坑", "分区表性能调优",
	"金融核心系统上的 PostgreSQL", "执行器源码导读", "PostgreSQL 高可用架构选型", "pg_stat_statements 使用心得",
	"WAL 归档与 PITR", "国产芯片上的 PostgreSQL 调优", "深入理解 MVCC"}

// loadDemoProgram gives the demo members a year of program life up to
// today: last year's batches published (so this year has holders to
// renew), groups with leads, events with talks (the older ones approved),
// and a promotion, an invitation and a special grant.
func (s *SystemService) loadDemoProgram(members []Member, ids []uint64, today time.Time) error {
	year := today.Year()
	for q := 1; q <= 4; q++ {
		b, err := s.levels.Batch(BatchID{year - 1, q}.String())
		if err != nil {
			return err
		}
		if b.Blocked.Code == "" {
			if _, err := s.levels.PublishBatch(b.ID); err != nil {
				return err
			}
		}
	}
	r := rand.New(rand.NewPCG(uint64(year), 0x6E0))
	pick := func(keep func(m Member) bool) uint64 {
		for range 200 {
			if i := r.IntN(len(members)); keep(members[i]) {
				return ids[i]
			}
		}
		return ids[r.IntN(len(ids))]
	}
	anyone := func(Member) bool { return true }
	groupIDs := map[string]uint64{}
	var cityLead uint64
	for _, spec := range demoGroups {
		g := Group{Committee: spec.committee, Name: spec.name, City: spec.city}
		lead := pick(func(m Member) bool { return spec.city == "" || m.City == spec.city })
		if spec.committee != CommitteeSpecial {
			g.Terms = []GroupTerm{{Year: year, LeadID: lead}}
		}
		created, err := s.groups.Create(g)
		if err != nil {
			return err
		}
		groupIDs[spec.name] = created.ID
		if spec.name == "杭州用户组" {
			cityLead = lead
		}
	}
	for _, spec := range demoEvents {
		date := fmt.Sprintf("%d-%s", year, spec.monthDay)
		if date > today.Format(DateLayout) {
			continue
		}
		e := Event{Name: spec.name, Kind: spec.kind, Date: date, City: spec.city, GroupID: groupIDs[spec.group], Attendance: spec.attendance}
		if spec.kind == EventUniversity {
			e.OrganizerID = pick(func(m Member) bool { return m.OrgCategory == "university" })
		}
		for range spec.talks {
			e.Talks = append(e.Talks, Talk{MemberID: pick(anyone), Title: demoTalkTitles[r.IntN(len(demoTalkTitles))]})
		}
		saved, err := s.events.Save(e)
		if err != nil {
			return err
		}
		// Talks of the last two weeks wait for approval, as they would.
		if date <= today.AddDate(0, 0, -14).Format(DateLayout) {
			if err := s.approveEvent(saved); err != nil {
				return err
			}
		}
	}
	decisions := []Decision{
		{Kind: DecisionPromotion, MemberID: cityLead, Year: year, GroupID: groupIDs["杭州用户组"], Reason: "连续两年组织天天象上，参会人数全国第一"},
		{Kind: DecisionInvitation, MemberID: pick(func(m Member) bool { return m.OrgCategory == "vendor" }), Year: year, Reason: "长期指导分会技术方向，受邀担任总监"},
		{Kind: DecisionSpecialGrant, MemberID: pick(func(m Member) bool { return m.OrgCategory == "university" }), Year: year, Level: "ace", Reason: "高校 PostgreSQL 课程主讲，合著教材出版"},
	}
	for _, d := range decisions {
		if _, err := s.decisions.Create(d); err != nil {
			return err
		}
	}
	return nil
}

// approveEvent approves the contributions an event's talks and organizer earned.
func (s *SystemService) approveEvent(e Event) error {
	ids := []uint64{e.OrganizerContributionID}
	for _, t := range e.Talks {
		ids = append(ids, t.ContributionID)
	}
	for _, id := range ids {
		if id == 0 {
			continue
		}
		c, err := s.repo.GetContribution(id)
		if err != nil {
			return err
		}
		if _, err := s.contributions.Approve(c.ID, c.Version); err != nil {
			return err
		}
	}
	return nil
}
