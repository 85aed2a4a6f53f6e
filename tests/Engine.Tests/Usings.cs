global using LabRunner.TestSupport;
