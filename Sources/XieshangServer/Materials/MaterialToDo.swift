import XieshangCore

/// The materials' lines of "待办" (三(四)): who owes which file, review or forwarding, by when.
/// A producer sees what they owe, the lead committee its reviews, the office everything.
enum MaterialToDo {
    static func items(_ materials: [Material], of l: SymposiumStore.Loaded, reader: ToDoReader, today: Day,
                      dues: MaterialDueDays, system: SystemClassification, ownerName: (TaskOwner) -> String) -> [ToDoDTO] {
        materials.compactMap { m in
            guard let owed = m.owed(dues: dues, leadCommitteeID: l.symposium.leadCommitteeID, system: system),
                  reader.seesEverything || reader.owns(owed.owner) else { return nil }
            let kind: ToDoItem.Kind = [.review, .forward].contains(owed.step) ? .reviewMaterial : .submitMaterial
            let owner = owed.owner == .role(.office) ? m.producer.chineseName : ownerName(owed.owner)
            return ToDoDTO(symposiumID: l.id, topic: l.symposium.topic, kind: kind, title: owed.title, due: owed.due.iso,
                           dueText: SymposiumDTO.dateText(owed.due), overdue: today > owed.due, owner: owner, taskID: nil,
                           link: ToDoDTO.link(l.id, kind))
        }
    }
}
