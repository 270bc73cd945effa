extension StatisticalTable {
    /// 一次秘匿: every non-empty cell, totals included, from fewer persons than `threshold` or fewer institutions
    /// than `minInstitutions` is suppressed. An empty cell stays published as 0: it describes no one.
    mutating func suppressSmallCells(threshold: Int, minInstitutions: Int) {
        for index in cells.indices where cells[index].persons > 0 {
            if cells[index].persons < threshold {
                cells[index].status = .fewPersons
            } else if cells[index].institutions < minInstitutions {
                cells[index].status = .fewInstitutions
            }
        }
    }
}
