// FrontDeskReports
