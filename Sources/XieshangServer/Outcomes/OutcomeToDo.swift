import Fluent
import Vapor
import XieshangCore

/// The outcomes' lines of "待办" (三(五)): the office's countdown to send the outcomes of a
/// held symposium (in working days), a recipient's receipt, a department's next handling step,
/// the lead committee's rating, and follow-up items due soon or overdue for their owner
/// department and the lead committee. The office sees every line.
enum OutcomeToDo {
    static func items(for p: Principal, on req: Request) async throws -> [ToDoDTO] {
        let today = Day(req.xieshang.clock.now())
        let calendar = req.xieshang.calendar.calendar
        let regulation = req.xieshang.regulation
        let office = p.may(.actForOffice)
        let outcomes = try await OutcomeStore.all(for: p, on: req.db)
        let names = try await OutcomeDTO.Names.load(on: req.db)
        let committees = try await PlanningStore.committeeNames(on: req.db)
        var out: [ToDoDTO] = []
        func add(_ symposiumID: Int, _ kind: ToDoItem.Kind, _ title: String, _ due: Day, owner: String, link: String) {
            out.append(ToDoDTO(symposiumID: symposiumID, topic: names.topics[symposiumID] ?? "", kind: kind, title: title,
                               due: due.iso, dueText: SymposiumDTO.dateText(due), overdue: today > due, owner: owner,
                               taskID: nil, link: link))
        }
        func countdown(_ due: Day) -> String {
            Deadline.countdownText(workingDaysLeft: Deadline.workingDaysLeft(today: today, until: due, calendar: calendar))
        }
        // The office: held symposia without any outcome yet, and every draft.
        if office {
            let withOutcomes = Set(outcomes.map(\.outcome.symposiumID))
            for l in try await SymposiumStore.all(for: p, on: req.db) where !withOutcomes.contains(l.id) {
                guard let held = l.symposium.heldOn else { continue }
                let due = Deadline(regulation.outcomeDeadlineWorkingDays, after: held, calendar: calendar).day
                add(l.id, .sendOutcome, "报送协商成果（\(countdown(due))）", due, owner: "县政协办公室",
                    link: "/symposia/\(l.id)/outcomes")
            }
        }
        for l in outcomes {
            let o = l.outcome
            let link = OutcomePages.path(l.id)
            if o.state == .drafting {
                if office {
                    add(o.symposiumID, .sendOutcome, "报送\(o.form.chineseName)“\(o.title)”（\(countdown(o.due.day))）", o.due.day,
                        owner: "县政协办公室", link: link)
                }
                continue
            }
            for r in o.recipients where !r.isAcknowledged {
                guard let due = r.acknowledgeDue?.day else { continue }
                let mine = OutcomeAccess.addressee(o, p) == r.addressee
                if mine || office {
                    add(o.symposiumID, .acknowledgeOutcome, "签收\(o.form.chineseName)“\(o.title)”", due,
                        owner: names.name(r.addressee), link: link)
                }
            }
            for h in o.openHandlings {
                guard let due = h.due?.day else { continue }
                let department = names.departments[h.departmentID] ?? "部门"
                switch h.state {
                case .assigned, .accepted:
                    if office || OutcomeAccess.isHandler(h, p) {
                        let step = h.state == .assigned ? "接收办理" : "答复"
                        add(o.symposiumID, .handleOutcome, "\(step)\(o.form.chineseName)“\(o.title)”", due, owner: department,
                            link: link)
                    }
                case .replied:
                    if OutcomeAccess.isLeadCommittee(l, p) {
                        add(o.symposiumID, .rateReply, "测评\(department)对“\(o.title)”的答复", due,
                            owner: committees[l.leadCommitteeID] ?? "牵头委室", link: link)
                    }
                default: break
                }
            }
            for item in l.items where item.isOverdue(today: today) || item.needsReminder(today: today, regulation: regulation) {
                let owner = p.has(.department) && p.departmentID == item.ownerDepartmentID
                if owner || OutcomeAccess.isLeadCommittee(l, p) {
                    add(o.symposiumID, .followUpItem, "落实事项：\(item.title)", item.due,
                        owner: names.departments[item.ownerDepartmentID] ?? "部门", link: link)
                }
            }
        }
        return out.sorted { ($0.due, $0.symposiumID, $0.title) < ($1.due, $1.symposiumID, $1.title) }
    }
}
