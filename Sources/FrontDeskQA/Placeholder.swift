// FrontDeskQA
